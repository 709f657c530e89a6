using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Search;

/// <summary>
/// What the Lucene engine adds (typos, prefixes, "did you mean"), and that every hit it gives is checked again in the
/// database: a change the index has not seen yet (its feed trigger switched off for the test) never shows a deleted,
/// hidden, internal or foreign message; and nothing typed in the box widens what a member reaches.
/// </summary>
public sealed class LuceneSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Kickoff = "Spring campaign kickoff";
    private const string Moodboard = "Moodboard feedback";

    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<long> WriteAsync(string subject, string authorEmail, string body, string visibility = "Everyone")
    {
        var conversation = await factory.Database.ConversationIdAsync(subject);
        var author = await factory.Database.MemberIdAsync(authorEmail);
        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
            SELECT workspace_id, id, {Id(author)}, '{body.Replace("'", "''", StringComparison.Ordinal)}', '{visibility}', now()
            FROM conversations WHERE id = {Id(conversation)} RETURNING id
            """);
    }

    private static async Task<IDocument> SearchAsync(PortalClient member, string query, string extra = "", bool staff = false)
    {
        var url = $"{(staff ? "/staff" : "/portal")}/messages/search?q={Uri.EscapeDataString(query)}{extra}";
        var response = await member.GetAsync(url, htmx: true, target: "search-results");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{html}");
        return PortalClient.Parse(html);
    }

    private static List<long> Found(IDocument results) =>
        results.QuerySelectorAll("[data-testid=search-result]").Select(e => long.Parse(e.GetAttribute("data-message-id")!, CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task ATypoStillFindsTheMessageAndSaysWhatWasMeant()
    {
        var w = NewWord();
        var id = await WriteAsync(Moodboard, Demo.Client, $"{w} the quarterly budget is attached");
        using var chloe = await factory.SignInAsync(Demo.Client);
        Assert.True(factory.Services.GetRequiredService<SearchIndex>().IsReady);

        var results = await SearchAsync(chloe, $"{w} budgte");
        Assert.Equal([id], Found(results));
        var meant = results.QuerySelector("[data-testid=search-did-you-mean]")!;
        Assert.Contains($"{w} budget", meant.TextContent, StringComparison.Ordinal);
        Assert.Contains("<mark>budget</mark>", results.QuerySelector("[data-testid=search-snippet]")!.InnerHtml, StringComparison.Ordinal);

        // Exact words win: no correction offered when they match.
        Assert.Null((await SearchAsync(chloe, $"{w} budget")).QuerySelector("[data-testid=search-did-you-mean]"));
        Assert.Empty(Found(await SearchAsync(chloe, $"{w} zebra")));
    }

    [Fact]
    public async Task APrefixFindsLongerWords()
    {
        var w = NewWord();
        var id = await WriteAsync(Moodboard, Demo.Client, $"{w} see the storyboards");
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([id], Found(await SearchAsync(chloe, $"{w} story*")));
        Assert.Equal([id], Found(await SearchAsync(chloe, $"{w[..6]}*")));
        Assert.Equal([id], Found(await SearchAsync(chloe, $"{w} storyb")));
    }

    [Fact]
    public async Task RelevanceRanksOverAllMatchesNotOnlyTheNewest()
    {
        var w = NewWord();
        var best = await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
            SELECT workspace_id, id, (SELECT id FROM members WHERE display_name LIKE 'Chloe%' LIMIT 1), '{w} {w} {w} orchid orchid', 'Everyone', now() - interval '700 days'
            FROM conversations WHERE subject = '{Moodboard}' RETURNING id
            """);
        for (var i = 0; i < 210; i++)
        {
            await WriteAsync(Moodboard, Demo.Client, $"{w} and a long message about many other things number {i}, with orchid at the end of it all");
        }

        using var chloe = await factory.SignInAsync(Demo.Client);
        var results = await SearchAsync(chloe, $"{w} orchid");
        Assert.Equal(best, Found(results)[0]);
        Assert.Null(results.QuerySelector("[data-testid=search-capped]"));
    }

    /// <summary>Runs <paramref name="change"/> with the feed trigger off, so the index still holds the old message.</summary>
    private async Task BehindTheIndexsBackAsync(string change)
    {
        await factory.Database.ExecuteAsync("ALTER TABLE messages DISABLE TRIGGER messages_search_feed_update");
        try
        {
            await factory.Database.ExecuteAsync(change);
        }
        finally
        {
            await factory.Database.ExecuteAsync("ALTER TABLE messages ENABLE TRIGGER messages_search_feed_update");
        }
    }

    [Fact]
    public async Task EveryHitIsCheckedInTheDatabaseSoAStaleIndexShowsNothingItShouldNot()
    {
        var deleted = NewWord();
        var hidden = NewWord();
        var note = NewWord();
        var moved = NewWord();
        var d = await WriteAsync(Moodboard, Demo.Client, $"{deleted} to be deleted");
        var h = await WriteAsync(Moodboard, Demo.Client, $"{hidden} to be hidden");
        var n = await WriteAsync(Kickoff, Demo.Staff, $"{note} to become internal");
        var m = await WriteAsync(Kickoff, Demo.Staff, $"{moved} to leave the client's reach");
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);
        foreach (var (word, id) in new[] { (deleted, d), (hidden, h), (note, n), (moved, m) })
        {
            Assert.Equal([id], Found(await SearchAsync(chloe, word)));
        }

        await BehindTheIndexsBackAsync($"UPDATE messages SET deleted_at = now(), body = '' WHERE id = {Id(d)}");
        await BehindTheIndexsBackAsync($"UPDATE messages SET hidden_at = now() WHERE id = {Id(h)}");
        await BehindTheIndexsBackAsync($"UPDATE messages SET visibility = 'StaffOnly' WHERE id = {Id(n)}");
        var staffOnly = await factory.Database.ConversationIdAsync("Team sync: Q3 planning");
        await BehindTheIndexsBackAsync($"UPDATE messages SET conversation_id = {Id(staffOnly)} WHERE id = {Id(m)}");

        Assert.Empty(Found(await SearchAsync(chloe, deleted)));
        Assert.Empty(Found(await SearchAsync(sam, deleted, staff: true)));
        Assert.Empty(Found(await SearchAsync(chloe, hidden)));
        Assert.Empty(Found(await SearchAsync(chloe, note)));
        Assert.Equal([n], Found(await SearchAsync(sam, note, staff: true)));
        Assert.Empty(Found(await SearchAsync(chloe, moved)));
        Assert.Empty(Found(await SearchAsync(chloe, $"{moved} OR {note} OR {hidden} OR {deleted}", "&sort=newest")));
    }

    [Fact]
    public async Task RemovingAParticipantOrEditingIsSeenByTheVeryNextSearch()
    {
        var w = NewWord();
        var id = await WriteAsync(Kickoff, Demo.Staff, $"{w} for the client");
        using var chloe = await factory.SignInAsync(Demo.Client);
        Assert.Equal([id], Found(await SearchAsync(chloe, w)));
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var where = $"member_id = {Id(chloeId)} AND conversation_id = {Id(kickoff)}";
        var row = await factory.Database.ScalarAsync<string>($"SELECT row_to_json(p)::text FROM conversation_participants p WHERE {where}");
        await factory.Database.ExecuteAsync($"DELETE FROM conversation_participants WHERE {where}");
        try
        {
            Assert.Empty(Found(await SearchAsync(chloe, w)));
        }
        finally
        {
            await factory.Database.ExecuteAsync($"INSERT INTO conversation_participants SELECT * FROM json_populate_record(null::conversation_participants, '{row.Replace("'", "''", StringComparison.Ordinal)}')");
        }

        var edited = NewWord();
        await factory.Database.ExecuteAsync($"UPDATE messages SET body = '{edited} rewritten' WHERE id = {Id(id)}");
        Assert.Empty(Found(await SearchAsync(chloe, w)));
        Assert.Equal([id], Found(await SearchAsync(chloe, edited)));
    }

    [Theory]
    [InlineData("*:*")]
    [InlineData("workspace:2")]
    [InlineData("ws:1 OR *:*")]
    [InlineData("vis:StaffOnly OR hidden:1")]
    [InlineData("body:* OR conv:[0 TO 999999]")]
    [InlineData("((((((((((((((((((((a))))))))))))))))))))")]
    [InlineData("a~999999 b~ *a* ?* a*")]
    [InlineData("\\\\ \"unclosed OR -\" -* --x ~ ^5 &&")]
    public async Task LuceneSyntaxTypedInTheBoxNeverWidensWhatAClientFinds(string typed)
    {
        var secret = NewWord();
        await WriteAsync("Launch timeline", Demo.Client2, $"{secret} another client's thread, a b");
        await WriteAsync(Kickoff, Demo.Staff, $"{secret} internal a b", visibility: "StaffOnly");
        using var chloe = await factory.SignInAsync(Demo.Client);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var readable = (await factory.Database.ScalarAsync<long[]>($"""
            SELECT coalesce(array_agg(m.id), ARRAY[]::bigint[]) FROM messages m
            JOIN conversation_participants p ON p.conversation_id = m.conversation_id AND p.member_id = {Id(chloeId)}
            WHERE m.visibility = 'Everyone' AND m.deleted_at IS NULL AND m.hidden_at IS NULL
            """)).ToHashSet();

        var results = await SearchAsync(chloe, typed, "&sort=newest");
        var page = await chloe.GetAsync($"/portal/messages/search?q={Uri.EscapeDataString(typed)}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.All(Found(results), id => Assert.Contains(id, readable));
        if (typed == "*:*")
        {
            Assert.Empty(Found(results));
        }
    }
}
