using System.Text.RegularExpressions;
using Messaging.E2E.Infrastructure;
using Messaging.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>Search as people use it: live results while typing, the filter controls, and opening a result into the thread.</summary>
[Collection(PortalGroup.Name)]
public sealed partial class SearchTests(PortalServer server)
{
    [Fact]
    public async Task TypingShowsResultsLiveAndOpeningOneHighlightsThatMessageInItsThread()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var search = new SearchPage(await context.NewPageAsync());
        await search.OpenAsync("portal");
        await Expect(search.Page.GetByTestId("search-prompt")).ToBeVisibleAsync();

        await search.TypeAsync("\"move day 1\"");

        var result = search.Results.First;
        await Expect(result.Locator("mark", new() { HasTextString = "move" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(search.Results).ToHaveCountAsync(1);
        await Expect(result).ToContainTextAsync("Chloe Client");
        Assert.Contains("/portal/messages/search?", search.Page.Url, StringComparison.Ordinal);
        var messageId = await result.GetAttributeAsync("data-message-id");

        await result.Locator("a").ClickAsync();

        await search.Page.WaitForURLAsync(new Regex($"#m-{messageId}$"));
        var hit = search.Page.Locator($"#m-{messageId}");
        await Expect(hit).ToHaveClassAsync(HitClass());
        await Expect(hit).ToContainTextAsync("Question 1 about the shoot schedule");
        await Expect(hit).ToBeInViewportAsync();
    }

    [Fact]
    public async Task TheNavigationFormAndTheFilterControlsFillEachOther()
    {
        await using var context = await server.ContextForAsync("staff@demo.local");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/messages");
        var search = new SearchPage(page);

        await search.NavForm.Locator("input[name=q]").FillAsync("schedule");
        await search.NavForm.Locator("input[name=q]").PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/staff/messages/search\\?q=schedule"));
        await Expect(search.Results.First).ToBeVisibleAsync();
        await search.Filters.Locator("summary").ClickAsync();
        await search.Control("has").CheckAsync();
        await Expect(search.Box).ToHaveValueAsync("schedule has:attachment");
        await search.Box.FillAsync("schedule from:\"Sam Staff\"");
        await search.Box.DispatchEventAsync("input");
        await Expect(search.Control("from")).ToHaveValueAsync("Sam Staff");
        await Expect(search.Control("has")).Not.ToBeCheckedAsync();
        await Expect(search.Results.First).ToContainTextAsync("Sam Staff", new() { Timeout = 15_000 });
        await Expect(search.Page.GetByTestId("search-result").Filter(new() { HasText = "Chloe Client" })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task TheSearchPageAndTheHighlightedHitFitThisWidth(string label, int width, int height)
    {
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var context = await server.ContextForAsync("staff@demo.local", width, height);
        var search = new SearchPage(await context.NewPageAsync());
        await search.Page.GotoAsync("/staff/messages/search?q=schedule+OR+budget&after=2020-01-01");
        await Expect(search.Results.First).ToBeVisibleAsync();
        // A date filter opens the panel, which says whose days these are (the demo workspace's zone: staff have no settings saved).
        await Expect(search.Page.GetByTestId("search-days-zone")).ToContainTextAsync("whole days in UTC");

        await search.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"staff-search-{label}.png"), FullPage = true });
        Assert.True(await search.FitsWidthAsync(), $"the search page scrolls sideways at {width}px");

        await search.Results.Filter(new() { HasText = "Internal note" }).Locator("a").ClickAsync();
        await Expect(search.Page.Locator(".msg.is-search-hit")).ToBeInViewportAsync();
        await search.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"staff-search-hit-{label}.png") });
        Assert.True(await search.FitsWidthAsync(), $"the thread with a search hit scrolls sideways at {width}px");
    }

    [GeneratedRegex("is-search-hit")]
    private static partial Regex HitClass();
}
