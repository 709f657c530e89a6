using Microsoft.Playwright;

namespace Messaging.E2E.Pages;

/// <summary>The search page (portal or staff) and the navigation's search form.</summary>
public sealed class SearchPage(IPage page)
{
    public IPage Page => page;

    public ILocator Box => page.GetByTestId("search-box");

    public ILocator Results => page.GetByTestId("search-result");

    public ILocator NavForm => page.GetByTestId("search-form");

    public ILocator Filters => page.Locator(".search-filters");

    public ILocator Control(string name) => page.Locator($"#search-page-form [name={name}]");

    public async Task OpenAsync(string area)
    {
        await page.GotoAsync($"/{area}/messages/search");
        await Box.WaitForAsync();
    }

    /// <summary>Types like a person (key by key, no Enter), so only the live search can bring results.</summary>
    public Task TypeAsync(string text) => Box.PressSequentiallyAsync(text, new() { Delay = 40 });

    public Task<bool> FitsWidthAsync() =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
