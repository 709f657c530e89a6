using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Search;

/// <summary>Saved searches: kept per member beside the search box, opened as links, replaced by name, refused with a reason, and nobody else's to see or delete.</summary>
public sealed class SavedSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Search = "/portal/messages/search";

    private static async Task<List<(string Name, string Href, string Id)>> SavedAsync(PortalClient member, string path = Search) =>
        (await member.GetPageAsync(path + "?q=anything")).QuerySelectorAll("[data-testid=saved-search]")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!, a.GetAttribute("data-saved-search-id")!)).ToList();

    [Fact]
    public async Task AMemberSavesASearchAndFindsItBesideTheBoxAndOnlyTheirOwn()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var carlos = await factory.SignInAsync(Demo.Client2);

        var response = await chloe.PostFormAsync(Search + "?q=budget", Search + "?handler=Save", new() { ["name"] = "Budget from Sam", ["q"] = "budget from:Sam" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Search + "?q=budget", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var saved = await SavedAsync(chloe);
        var (name, href, id) = Assert.Single(saved, s => s.Name == "Budget from Sam");
        Assert.Equal(Search + "?q=budget%20from%3ASam", href);
        Assert.Equal("budget from:Sam", (await chloe.GetPageAsync(href)).QuerySelector("[data-testid=search-box]")!.GetAttribute("value"));
        Assert.DoesNotContain(await SavedAsync(carlos), s => s.Name == name);

        // The same name replaces its search.
        await chloe.PostFormAsync(Search + "?q=budget", Search + "?handler=Save", new() { ["name"] = "Budget from Sam", ["q"] = "budget has:attachment" });
        Assert.Equal(Search + "?q=budget%20has%3Aattachment", Assert.Single(await SavedAsync(chloe), s => s.Name == name).Href);

        // Someone else's is not found; their own is deleted.
        var foreign = await carlos.PostFormAsync(Search + "?q=x", Search + "?handler=DeleteSaved", new() { ["savedSearchId"] = id });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains(await SavedAsync(chloe), s => s.Name == name);
        var deleted = await chloe.PostFormAsync(Search + "?q=x", Search + "?handler=DeleteSaved", new() { ["savedSearchId"] = id });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(await SavedAsync(chloe), s => s.Name == name);
    }

    [Theory]
    [InlineData("", "budget", "Give the search a name")]
    [InlineData("   ", "budget", "Give the search a name")]
    [InlineData("ok", "", "Type a search to save")]
    [InlineData("ok", null, "Searches are limited")]
    public async Task ABadSaveIsRefusedWithItsReasonAndNothingIsStored(string name, string? query, string expected)
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM saved_searches");
        var response = await sam.PostFormAsync("/staff/messages/search?q=x", "/staff/messages/search?handler=Save",
            new() { ["name"] = name, ["q"] = query ?? new string('a', 1200) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, page.QuerySelector("[data-testid=saved-search-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM saved_searches"));
    }
}
