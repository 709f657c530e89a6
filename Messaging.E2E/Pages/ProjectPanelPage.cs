using Microsoft.Playwright;

namespace Messaging.E2E.Infrastructure;

/// <summary>The project panel of a thread: facts, checklist, milestones, and (for staff who may) its forms.</summary>
public sealed class ProjectPanelPage(IPage page)
{
    public ILocator Panel => page.GetByTestId("project-panel");

    public ILocator Items => page.GetByTestId("checklist-item");

    public ILocator Item(string title) => Items.Filter(new() { HasText = title });

    public ILocator Milestones => page.GetByTestId("milestone");

    public ILocator SystemMessages => page.GetByTestId("system-message");

    public async Task AddItemAsync(string title, string dueOn)
    {
        await page.GetByTestId("checklist-add-title").FillAsync(title);
        await page.GetByTestId("checklist-add-due").FillAsync(dueOn);
        await page.GetByTestId("checklist-add-submit").ClickAsync();
    }

    public async Task SetItemStateAsync(string title, string state)
    {
        var item = Item(title);
        await item.Locator("select[name=state]").SelectOptionAsync(state);
        await item.GetByTestId("checklist-item-save").ClickAsync();
    }
}
