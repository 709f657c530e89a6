using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Search;

/// <summary>
/// The admin search page (<c>/admin/search</c>): the index's status with a progress fragment, a rebuild asked for by
/// the button and carried out by the node (old index answering meanwhile), and the workspace's search language,
/// whose change rebuilds so that words are stemmed in the new language. Its own database: it rebuilds the index.
/// </summary>
public sealed class SearchAdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Moodboard = "Moodboard feedback";

    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    private SearchIndex Index => factory.Services.GetRequiredService<SearchIndex>();

    private async Task<long> WriteAsync(string body)
    {
        var conversation = await factory.Database.ConversationIdAsync(Moodboard);
        var author = await factory.Database.MemberIdAsync(Demo.Client);
        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
            SELECT workspace_id, id, {author.ToString(CultureInfo.InvariantCulture)}, '{body}', 'Everyone', now()
            FROM conversations WHERE id = {conversation.ToString(CultureInfo.InvariantCulture)} RETURNING id
            """);
    }

    private static async Task<List<long>> FoundAsync(PortalClient member, string query)
    {
        var response = await member.GetAsync($"/portal/messages/search?q={Uri.EscapeDataString(query)}", htmx: true, target: "search-results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid=search-result]")
            .Select(e => long.Parse(e.GetAttribute("data-message-id")!, CultureInfo.InvariantCulture)).ToList();
    }

    private async Task WaitForRebuildAfterAsync(long request)
    {
        for (var i = 0; i < 600 && !(Index.Status.RebuildRequest >= request && Index.Status.Rebuild is null); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(Index.Status.RebuildRequest >= request, $"no rebuild after request {request}: {Index.Status}");
    }

    private Task<long> NewestRequestAsync() => factory.Database.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM search_rebuild_requests");

    [Fact]
    public async Task TheRebuildButtonRebuildsTheIndexAndThePageShowsItsStatus()
    {
        var w = NewWord();
        var id = await WriteAsync($"{w} before the rebuild");
        using var ada = await factory.SignInAsync(Demo.Admin);
        using var chloe = await factory.SignInAsync(Demo.Client);
        Assert.Equal([id], await FoundAsync(chloe, w));
        var page = await ada.GetPageAsync("/admin/search");
        Assert.NotNull(page.QuerySelector("[data-testid=search-index-status]"));
        Assert.NotNull(page.QuerySelector("form[data-testid=search-rebuild-form] [data-testid=search-rebuild]"));
        var folder = Index.Status.Folder;

        var response = await ada.PostFormAsync("/admin/search", "/admin/search?handler=Rebuild", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await NewestRequestAsync();
        Assert.True(request > 0);
        await WaitForRebuildAfterAsync(request);

        Assert.NotEqual(folder, Index.Status.Folder);
        Assert.Equal([id], await FoundAsync(chloe, w));
        var fragment = await ada.GetAsync("/admin/search?handler=Progress", htmx: true);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var status = PortalClient.Parse(await fragment.Content.ReadAsStringAsync());
        Assert.Equal("open", status.QuerySelector("[data-testid=search-index-ready]")!.TextContent);
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE detail = 'search index rebuild requested'"));

        using var sam = await factory.SignInAsync(Demo.Staff);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/admin/search")).StatusCode);
    }

    [Fact]
    public async Task ChangingTheSearchLanguageRebuildsSoWordsAreStemmedInIt()
    {
        var w = NewWord();
        var id = await WriteAsync($"{w} die Häuser am See");
        using var ada = await factory.SignInAsync(Demo.Admin);
        using var chloe = await factory.SignInAsync(Demo.Client);
        Assert.Empty(await FoundAsync(chloe, $"{w} haus"));
        var settings = await ada.GetPageAsync("/admin/settings");
        Assert.NotNull(settings.QuerySelector("form[data-testid=search-language-form][action='/admin/search?handler=Language'] option[value=german]"));

        var refused = await ada.PostFormAsync("/admin/settings", "/admin/search?handler=Language", new() { ["language"] = "klingon" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Choose a language", PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-testid=search-language-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("english", await factory.Database.ScalarAsync<string>("SELECT search_language FROM workspaces ORDER BY id LIMIT 1"));

        try
        {
            var saved = await ada.PostFormAsync("/admin/settings", "/admin/search?handler=Language", new() { ["language"] = "german" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("german", await factory.Database.ScalarAsync<string>("SELECT search_language FROM workspaces ORDER BY id LIMIT 1"));
            await WaitForRebuildAfterAsync(await NewestRequestAsync());

            Assert.Equal([id], await FoundAsync(chloe, $"{w} haus"));
            Assert.Equal([id], await FoundAsync(chloe, $"{w} Häusern"));
            var page = await ada.GetPageAsync("/admin/search");
            Assert.Equal("german", page.QuerySelector("[data-testid=search-index-language]")!.TextContent.Trim());
            Assert.NotNull(page.QuerySelector("[data-testid=search-language] option[value=german][selected]"));
        }
        finally
        {
            await ada.PostFormAsync("/admin/settings", "/admin/search?handler=Language", new() { ["language"] = "english" });
            await WaitForRebuildAfterAsync(await NewestRequestAsync());
        }

        Assert.Empty(await FoundAsync(chloe, $"{w} haus"));
    }
}
