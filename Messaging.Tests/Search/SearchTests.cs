using System.Net;
using AngleSharp.Dom;
using Messaging.Tests.Infrastructure;
using static Messaging.Tests.Messages.MessageContent;

namespace Messaging.Tests.Search;

/// <summary>
/// Search through the pages, against the real database: the query language, the filters, highlighting,
/// and everything that must never be found. Each test writes messages with a word of its own, so the
/// tests share the demo database without seeing each other's messages.
/// </summary>
public sealed class SearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Kickoff = "Spring campaign kickoff";
    private const string Moodboard = "Moodboard feedback";
    private const string WrapUp = "Catalogue wrap-up";

    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    private async Task<long> WriteAsync(string subject, string authorEmail, string body, string visibility = "Everyone", string createdAt = "now()")
    {
        var conversation = await factory.Database.ConversationIdAsync(subject);
        var author = await factory.Database.MemberIdAsync(authorEmail);
        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
            SELECT workspace_id, id, {Id(author)}, '{body.Replace("'", "''", StringComparison.Ordinal)}', '{visibility}', {createdAt}
            FROM conversations WHERE id = {Id(conversation)} RETURNING id
            """);
    }

    /// <summary>The results fragment the live search swaps in.</summary>
    private static async Task<IDocument> SearchAsync(PortalClient member, string query, string extra = "", bool staff = false)
    {
        var url = $"{(staff ? "/staff" : "/portal")}/messages/search?q={Uri.EscapeDataString(query)}{extra}";
        var response = await member.GetAsync(url, htmx: true, target: "search-results");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{html}");
        return PortalClient.Parse(html);
    }

    private static List<long> Found(IDocument results) =>
        results.QuerySelectorAll("[data-testid=search-result]").Select(e => long.Parse(e.GetAttribute("data-message-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task WordsAreStemmedSoMarathonFindsMarathons()
    {
        var w = NewWord();
        var id = await WriteAsync(Moodboard, Demo.Client, $"{w}: the marathons start at dawn");
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([id], Found(await SearchAsync(chloe, $"{w} marathon")));
        Assert.Equal([id], Found(await SearchAsync(chloe, $"{w} started")));
        Assert.Empty(Found(await SearchAsync(chloe, $"{w} sprint")));
    }

    [Fact]
    public async Task PhrasesOrAndExclusionFollowWebSearchSyntax()
    {
        var a = NewWord();
        var b = NewWord();
        var inOrder = await WriteAsync(Moodboard, Demo.Client, $"{a} red balloon over the studio");
        var reversed = await WriteAsync(Moodboard, Demo.Client, $"{a} balloon, red and blue");
        var other = await WriteAsync(Moodboard, Demo.Staff, $"{b} something else");
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([inOrder], Found(await SearchAsync(chloe, $"{a} \"red balloon\"")));
        Assert.Equal([inOrder, reversed, other], Found(await SearchAsync(chloe, $"{a} OR {b}", "&sort=newest")).Order().ToList());
        Assert.Equal([inOrder], Found(await SearchAsync(chloe, $"{a} -blue")));
    }

    [Fact]
    public async Task FromInAndProjectFilterByAuthorSubjectAndProject()
    {
        var w = NewWord();
        var bySam = await WriteAsync(Kickoff, Demo.Staff, $"{w} from the team");
        var byChloe = await WriteAsync(Moodboard, Demo.Client, $"{w} from the client");
        var inAutumn = await WriteAsync(WrapUp, Demo.Client, $"{w} about the catalogue");
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([bySam], Found(await SearchAsync(chloe, $"{w} from:sam")));
        Assert.Equal([byChloe, inAutumn], Found(await SearchAsync(chloe, $"{w} from:\"Chloe Client\"", "&sort=newest")).Order().ToList());
        Assert.Equal([byChloe], Found(await SearchAsync(chloe, $"{w} in:moodboard")));
        Assert.Equal([inAutumn], Found(await SearchAsync(chloe, $"{w} project:autumn")));
        Assert.Equal([bySam, byChloe], Found(await SearchAsync(chloe, $"{w} project:\"spring campaign\"")).Order().ToList());

        // The same filters as form controls.
        Assert.Equal([bySam], Found(await SearchAsync(chloe, w, "&from=Sam")));
        Assert.Equal([inAutumn], Found(await SearchAsync(chloe, w, "&project=Autumn")));
        Assert.Equal([byChloe], Found(await SearchAsync(chloe, w, "&in=Moodboard")));
    }

    [Fact]
    public async Task FileNamesAreSearchableAndHasAttachmentAndFileFilterByThem()
    {
        var w = NewWord();
        var plain = await WriteAsync(Kickoff, Demo.Staff, $"{w} no file here");
        var withFile = await WriteAsync(Kickoff, Demo.Staff, $"{w} see attached");
        var named = await WriteAsync(Kickoff, Demo.Staff, "Here is the contract");
        await factory.AttachAsync(withFile, "moodboard.png", TestFiles.Png);
        await factory.AttachAsync(named, $"Contract_{w}_signed.pdf", TestFiles.Pdf);
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([named], Found(await SearchAsync(chloe, w + " contract signed")));
        Assert.Equal([withFile], Found(await SearchAsync(chloe, $"{w} has:attachment -contract")));
        Assert.Equal([withFile, named], Found(await SearchAsync(chloe, w, "&has=attachment&sort=newest")).Order().ToList());
        Assert.Equal([named], Found(await SearchAsync(chloe, $"file:{w}")));
        Assert.Equal([withFile], Found(await SearchAsync(chloe, $"{w} file:moodboard")));
        Assert.DoesNotContain(plain, Found(await SearchAsync(chloe, $"{w} has:attachment")));
        var result = (await SearchAsync(chloe, $"file:{w}")).QuerySelector("[data-testid=search-result]")!;
        Assert.Contains($"Contract_{w}_signed.pdf", result.TextContent, StringComparison.Ordinal);
        // The words that matched are marked in the file name too (the body has "contract", the name "signed").
        var files = (await SearchAsync(chloe, w + " contracts signed")).QuerySelector("[data-testid=search-files]")!;
        Assert.Equal($"<mark>Contract</mark>_<mark>{w}</mark>_<mark>signed</mark>.pdf", files.InnerHtml.Replace("📎", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task BeforeAndAfterFilterByDay()
    {
        var w = NewWord();
        var old = await WriteAsync(Moodboard, Demo.Client, $"{w} old", createdAt: "'2024-03-10T12:00:00Z'");
        var mid = await WriteAsync(Moodboard, Demo.Client, $"{w} middle", createdAt: "'2024-06-15T23:30:00Z'");
        var recent = await WriteAsync(Moodboard, Demo.Client, $"{w} recent", createdAt: "'2025-01-02T08:00:00Z'");
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([old], Found(await SearchAsync(chloe, $"{w} before:2024-06-15")));
        Assert.Equal([mid, recent], Found(await SearchAsync(chloe, $"{w} after:2024-06-15")).Order().ToList());
        Assert.Equal([mid], Found(await SearchAsync(chloe, $"{w} after:2024-04-01 before:2024-12-31")));
        Assert.Equal([mid], Found(await SearchAsync(chloe, w, "&after=2024-04-01&before=2024-12-31")));
    }

    [Fact]
    public async Task BeforeAndAfterCountDaysInTheMembersTimeZoneElseTheWorkspaces()
    {
        var w = NewWord();
        // 1 November, 01:00 in Auckland (UTC+13); still 31 October in UTC.
        var id = await WriteAsync(Moodboard, Demo.Client, $"{w} early", createdAt: "'2026-10-31T12:00:00Z'");
        var admin = await factory.Database.MemberIdAsync(Demo.Admin);
        using var alex = await factory.SignInAsync(Demo.Admin);
        async Task<List<long>> AfterAsync() => Found(await SearchAsync(alex, $"{w} after:2026-11-01", staff: true));

        Assert.Empty(await AfterAsync()); // the workspace's zone, UTC
        try
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET time_zone = 'Pacific/Auckland'");
            Assert.Equal([id], await AfterAsync());
            Assert.Empty(Found(await SearchAsync(alex, $"{w} before:2026-11-01", staff: true)));

            // The member's own zone (their notification settings) wins over the workspace's.
            await factory.Database.ExecuteAsync($"""
                INSERT INTO notification_settings (member_id, email_mode, browser_enabled, sound_enabled, time_zone, updated_at)
                VALUES ({Id(admin)}, 'Immediate', false, false, 'America/New_York', now())
                """);
            Assert.Empty(await AfterAsync());
            Assert.Equal([id], Found(await SearchAsync(alex, $"{w} before:2026-11-01", staff: true)));
            var page = await alex.GetPageAsync($"/staff/messages/search?q={w}");
            Assert.Contains("America/New_York", page.QuerySelector("[data-testid=search-days-zone]")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await factory.Database.ExecuteAsync($"DELETE FROM notification_settings WHERE member_id = {Id(admin)}");
            await factory.Database.ExecuteAsync("UPDATE workspaces SET time_zone = 'UTC'");
        }
    }

    [Fact]
    public async Task IsUnreadAndIsArchivedUseTheMembersOwnState()
    {
        var w = NewWord();
        var read = await WriteAsync(WrapUp, Demo.Staff, $"{w} already read");
        var unread = await WriteAsync(Kickoff, Demo.Staff, $"{w} not read yet");
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var wrapUp = await factory.Database.ConversationIdAsync(WrapUp);
        await factory.Database.ExecuteAsync($"UPDATE conversation_participants SET last_read_message_id = {Id(read)} WHERE member_id = {Id(chloeId)} AND conversation_id = {Id(wrapUp)}");
        await factory.Database.ExecuteAsync($"UPDATE conversation_participants SET last_read_message_id = {Id(unread - 1)} WHERE member_id = {Id(chloeId)} AND conversation_id = {Id(kickoff)}");
        await factory.Database.ExecuteAsync($"UPDATE conversation_participants SET is_archived = true WHERE member_id = {Id(chloeId)} AND conversation_id = {Id(wrapUp)}");
        try
        {
            using var chloe = await factory.SignInAsync(Demo.Client);

            Assert.Equal([unread], Found(await SearchAsync(chloe, $"{w} is:unread")));
            Assert.Equal([unread], Found(await SearchAsync(chloe, w, "&unread=true")));
            Assert.Equal([read], Found(await SearchAsync(chloe, $"{w} is:archived")));
            Assert.Equal([read, unread], Found(await SearchAsync(chloe, w, "&sort=newest")).Order().ToList());
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE conversation_participants SET is_archived = false WHERE member_id = {Id(chloeId)} AND conversation_id = {Id(wrapUp)}");
        }
    }

    [Fact]
    public async Task RelevanceRanksTheBestMatchFirstAndTheSwitchSortsNewestFirst()
    {
        var w = NewWord();
        var best = await WriteAsync(Moodboard, Demo.Client, $"{w} {w} {w} palette palette", createdAt: "now() - interval '2 days'");
        var weak = await WriteAsync(Moodboard, Demo.Client, $"{w} and many other words about the shoot and the catalogue and palette", createdAt: "now()");
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([best, weak], Found(await SearchAsync(chloe, $"{w} palette")));
        Assert.Equal([weak, best], Found(await SearchAsync(chloe, $"{w} palette", "&sort=newest")));
    }

    [Fact]
    public async Task HighlightsMarkTheMatchedWordsAndEscapeEverythingElse()
    {
        var w = NewWord();
        await WriteAsync(Moodboard, Demo.Client, $"{w} says 3 < 4 & \uE000fake\uE001 <b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>");
        using var chloe = await factory.SignInAsync(Demo.Client);

        var results = await SearchAsync(chloe, w);
        var snippet = results.QuerySelector("[data-testid=search-snippet]")!;

        // ts_headline drops what its parser takes for tags; whatever is left is text, and only our <mark> is markup.
        Assert.All(snippet.QuerySelectorAll("*"), e => Assert.Equal("MARK", e.TagName));
        Assert.Equal([w], snippet.QuerySelectorAll("mark").Select(m => m.TextContent).ToList());
        Assert.Contains("3 &lt; 4 &amp; fake", snippet.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert", snippet.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain('\uE000', snippet.TextContent);
    }

    [Fact]
    public async Task AMessageIsFoundAsSoonAsItsSenderSeesIt()
    {
        var w = NewWord();
        using var chloe = await factory.SignInAsync(Demo.Client);
        var moodboard = await factory.Database.ConversationIdAsync(Moodboard);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", moodboard, $"Sent just now {w}")).StatusCode);
        var id = await factory.Database.MessageIdAsync($"Sent just now {w}");

        Assert.Equal([id], Found(await SearchAsync(chloe, w)));
        var edited = NewWord();
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(chloe, id, $"Sent just now {edited}")).StatusCode);
        Assert.Empty(Found(await SearchAsync(chloe, w)));
        Assert.Equal([id], Found(await SearchAsync(chloe, edited)));
    }

    [Fact]
    public async Task DeletedMessagesAndTheirFilesAreNeverFound()
    {
        var w = NewWord();
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var ada = await factory.SignInAsync(Demo.Admin);
        var moodboard = await factory.Database.ConversationIdAsync(Moodboard);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", moodboard, $"Delete me {w}")).StatusCode);
        var id = await factory.Database.MessageIdAsync($"Delete me {w}");
        await factory.AttachAsync(id, $"{w}-plan.pdf", TestFiles.Pdf);
        Assert.Equal([id], Found(await SearchAsync(chloe, w)));

        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(chloe, id)).StatusCode);

        Assert.Empty(Found(await SearchAsync(chloe, w)));
        Assert.Empty(Found(await SearchAsync(ada, w, staff: true)));
        Assert.Empty(Found(await SearchAsync(ada, $"file:{w}", staff: true)));
        Assert.DoesNotContain(id, Found(await SearchAsync(ada, "has:attachment from:chloe", staff: true)));
    }

    [Fact]
    public async Task HiddenMessagesAreFoundByAdminsOnly()
    {
        var w = NewWord();
        var id = await WriteAsync(Moodboard, Demo.Client, $"{w} something a moderator hid");
        await factory.Database.ExecuteAsync($"UPDATE messages SET hidden_at = now() WHERE id = {Id(id)}");

        using var ada = await factory.SignInAsync(Demo.Admin);
        var forAda = await SearchAsync(ada, w, staff: true);
        Assert.Equal([id], Found(forAda));
        Assert.NotNull(forAda.QuerySelector("[data-testid=search-result] .tag-muted"));
        foreach (var (email, staff) in new[] { (Demo.Manager, true), (Demo.Staff, true), (Demo.Client, false) })
        {
            using var member = await factory.SignInAsync(email);
            Assert.Empty(Found(await SearchAsync(member, w, staff: staff)));
        }
    }

    [Fact]
    public async Task AClientNeverFindsAStaffInternalNoteButStaffDo()
    {
        var w = NewWord();
        using var sam = await factory.SignInAsync(Demo.Staff);
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(sam, "/staff/messages", kickoff, $"Internal {w}: budget is tight", note: true)).StatusCode);
        var note = await factory.Database.MessageIdAsync($"Internal {w}: budget is tight");
        using var chloe = await factory.SignInAsync(Demo.Client);

        var forSam = await SearchAsync(sam, w, staff: true);
        Assert.Equal([note], Found(forSam));
        Assert.NotNull(forSam.QuerySelector("[data-testid=search-result] .tag-note"));
        Assert.Empty(Found(await SearchAsync(chloe, w)));
        Assert.DoesNotContain(note, Found(await SearchAsync(chloe, $"{w} OR budget", $"&c={Id(kickoff)}")));
        Assert.DoesNotContain(note, Found(await SearchAsync(chloe, "from:sam", "&sort=newest&p=1")));
    }

    [Fact]
    public async Task ConversationsTheMemberMayNotSeeAreNeverSearched()
    {
        var w = NewWord();
        var carlosThread = await WriteAsync("Launch timeline", Demo.Client2, $"{w} launch secret");
        var staffOnlyThread = await WriteAsync("Team sync: Q3 planning", Demo.Admin, $"{w} team only");
        var (foreignConversation, _, _) = await factory.Database.AddForeignWorkspaceAsync();
        await factory.Database.ExecuteAsync($"UPDATE messages SET body = '{w} foreign' WHERE conversation_id = {Id(foreignConversation)}");
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        using var ada = await factory.SignInAsync(Demo.Admin);
        using var vic = await factory.SignInAsync(Demo.Viewer);

        Assert.Empty(Found(await SearchAsync(chloe, w)));
        Assert.Equal([carlosThread], Found(await SearchAsync(carlos, w)));
        Assert.Equal([carlosThread, staffOnlyThread], Found(await SearchAsync(ada, w, "&sort=newest", staff: true)).Order().ToList());
        Assert.Equal([staffOnlyThread], Found(await SearchAsync(vic, w, staff: true)));
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/portal/messages/search?q={w}&c={Id(foreignConversation)}")).StatusCode);
        var launch = await factory.Database.ConversationIdAsync("Launch timeline");
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/portal/messages/search?q={w}&c={Id(launch)}")).StatusCode);
    }

    [Fact]
    public async Task TheThreadSearchBoxSearchesOnlyThatConversation()
    {
        var w = NewWord();
        var inKickoff = await WriteAsync(Kickoff, Demo.Client, $"{w} in the kickoff");
        await WriteAsync(Moodboard, Demo.Client, $"{w} in the moodboard");
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        using var chloe = await factory.SignInAsync(Demo.Client);

        var thread = await chloe.GetPageAsync($"/portal/messages/{Id(kickoff)}");
        var box = thread.QuerySelector("[data-testid=thread-search]")!;
        Assert.Equal("/portal/messages/search", box.GetAttribute("action"));
        Assert.Equal(Id(kickoff), box.QuerySelector("input[name=c]")!.GetAttribute("value"));

        var results = await SearchAsync(chloe, w, $"&c={Id(kickoff)}");
        Assert.Equal([inKickoff], Found(results));
        Assert.NotNull(results.QuerySelector("[data-testid=search-scope]"));
        var link = results.QuerySelector("[data-testid=search-result] a")!.GetAttribute("href");
        Assert.Equal($"/portal/messages/{Id(kickoff)}?before={Id(inKickoff + 1)}#m-{Id(inKickoff)}", link);
    }

    [Fact]
    public async Task ResultsAreGroupedByConversationAndPaged()
    {
        var w = NewWord();
        for (var i = 0; i < 22; i++)
        {
            await WriteAsync(i % 2 == 0 ? Kickoff : Moodboard, Demo.Client, $"{w} number {i}");
        }

        using var chloe = await factory.SignInAsync(Demo.Client);
        var first = await SearchAsync(chloe, w, "&sort=newest");
        Assert.Equal(20, Found(first).Count);
        Assert.Equal(2, first.QuerySelectorAll("[data-testid=search-group]").Length);
        Assert.NotNull(first.QuerySelector("[data-testid=search-next]"));

        var second = await SearchAsync(chloe, w, "&sort=newest&p=2");
        Assert.Equal(2, Found(second).Count);
        Assert.Empty(Found(first).Intersect(Found(second)));
        Assert.NotNull(second.QuerySelector("[data-testid=search-prev]"));
    }

    [Fact]
    public async Task ThePageFillsTheBoxFromTheControlsAndTheControlsFromTheBox()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);

        var page = await chloe.GetPageAsync("/portal/messages/search?q=palette+from%3Asam+is%3Aunread&project=Spring+Campaign&after=2024-01-01");

        Assert.Equal("palette from:sam project:\"Spring Campaign\" after:2024-01-01 is:unread", page.QuerySelector("[data-testid=search-box]")!.GetAttribute("value"));
        Assert.Equal("sam", page.QuerySelector("input[name=from]")!.GetAttribute("value"));
        Assert.Equal("Spring Campaign", page.QuerySelector("input[name=project]")!.GetAttribute("value"));
        Assert.Equal("2024-01-01", page.QuerySelector("input[name=after]")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name=unread]")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("input[name=has]")!.HasAttribute("checked"));
        Assert.NotNull(page.QuerySelector("form[data-testid=search-form][action='/portal/messages/search'] input[name=q]"));
    }

    [Fact]
    public async Task AnEmptySearchGetsAFriendlyPrompt()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);

        var page = await sam.GetPageAsync("/staff/messages/search");
        Assert.NotNull(page.QuerySelector("[data-testid=search-prompt]"));
        Assert.NotNull((await SearchAsync(sam, "   ", staff: true)).QuerySelector("[data-testid=search-prompt]"));
    }

    [Theory]
    [InlineData("'; DROP TABLE messages; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("palette\"")]
    [InlineData("before:2024-13-45 after:soon")]
    [InlineData("colour:red is:starred has:everything")]
    [InlineData("from: in: ::: -- ! & | <-> ( ) * :*")]
    [InlineData("%_\\ from:%_ file:\\")]
    [InlineData("the and of")]
    public async Task OddInputIsSearchedOrExplainedNeverAnError(string query)
    {
        using var chloe = await factory.SignInAsync(Demo.Client);

        var results = await SearchAsync(chloe, query);
        var page = await chloe.GetPageAsync($"/portal/messages/search?q={Uri.EscapeDataString(query)}");

        Assert.NotNull(page.QuerySelector("[data-testid=search-box]"));
        Assert.Null(results.QuerySelector("[data-testid=search-error]"));
        Assert.True(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages") > 0);
    }

    [Fact]
    public async Task UnknownOperatorsBadDatesAndUnclosedQuotesComeWithAWarning()
    {
        var w = NewWord();
        var id = await WriteAsync(Moodboard, Demo.Client, $"{w} colour red");
        using var chloe = await factory.SignInAsync(Demo.Client);

        var unknown = await SearchAsync(chloe, $"{w} colour:red");
        Assert.Equal([id], Found(unknown));
        Assert.Contains("\u201Ccolour:\u201D is not a search filter", unknown.QuerySelector("[data-testid=search-warning]")!.TextContent, StringComparison.Ordinal);

        var quote = await SearchAsync(chloe, $"\"{w} colour");
        Assert.Equal([id], Found(quote));
        Assert.Contains("quotation mark", quote.QuerySelector("[data-testid=search-warning]")!.TextContent, StringComparison.Ordinal);

        var date = await SearchAsync(chloe, $"{w} before:yesterday", "&after=31/12/2024");
        Assert.Equal([id], Found(date));
        Assert.Equal(2, date.QuerySelectorAll("[data-testid=search-warning]").Length);
    }

    [Fact]
    public async Task AQueryOfAThousandCharactersOrMoreIsRefusedWithAMessage()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);

        var results = await SearchAsync(chloe, new string('a', 999) + " b");
        var longest = await SearchAsync(chloe, string.Join(' ', Enumerable.Repeat("palette", 124)) + "xyz");

        Assert.Contains("limited to 999 characters", results.QuerySelector("[data-testid=search-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(longest.QuerySelector("[data-testid=search-error]"));
    }

    [Fact]
    public async Task BadPageAndConversationValuesAreHandledWithoutAnError()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal(HttpStatusCode.OK, (await chloe.GetAsync("/portal/messages/search?q=palette&p=abc&sort=weird")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chloe.GetAsync("/portal/messages/search?q=palette&p=99999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chloe.GetAsync("/portal/messages/search?q=palette&c=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync("/portal/messages/search?q=palette&c=99999999")).StatusCode);
    }

    [Fact]
    public async Task SearchAnswers404WhileTheMessagesModuleIsOffAndEachAreaOnlyToItsMembers()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync("/staff/messages/search?q=palette")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/portal/messages/search?q=palette")).StatusCode);

        await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = false WHERE name = 'Northwind Studio'");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync("/portal/messages/search?q=palette")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/staff/messages/search?q=palette", htmx: true, target: "search-results")).StatusCode);
            Assert.Null((await chloe.GetPageAsync("/account/preferences")).QuerySelector("[data-testid=search-form]"));
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = true WHERE name = 'Northwind Studio'");
        }
    }
}
