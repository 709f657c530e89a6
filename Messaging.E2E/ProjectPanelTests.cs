using System.Globalization;
using Messaging.E2E.Infrastructure;
using Messaging.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>The project panel in a thread, in a real browser: staff edit the checklist in place, the thread shows the system message, the client reads it, and it folds on a phone.</summary>
[Collection(PortalGroup.Name)]
public sealed class ProjectPanelTests(PortalServer server)
{
    private static async Task<long> ConversationIdAsync(IPage page, string subject)
    {
        await new ConversationListPage(page).OpenAsync("portal");
        var row = page.GetByTestId("conversation-row").Filter(new() { HasText = subject });
        return long.Parse((await row.GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task StaffAddAndMoveAChecklistItemInTheThreadAndTheClientReadsItWithTheSystemMessage()
    {
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        var clientPage = await clientContext.NewPageAsync();
        var id = await ConversationIdAsync(clientPage, "Moodboard feedback");
        var title = $"Lookbook PDF {Guid.NewGuid():N}"[..24];

        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        var staffPage = await staffContext.NewPageAsync();
        await new ThreadPage(staffPage).OpenAsync("staff", id);
        var panel = new ProjectPanelPage(staffPage);
        await Expect(panel.Panel).ToBeVisibleAsync();

        await panel.AddItemAsync(title, "2030-01-15");
        await Expect(panel.Item(title)).ToHaveAttributeAsync("data-state", "to-do");
        await panel.SetItemStateAsync(title, "Done");
        await Expect(panel.Item(title)).ToHaveAttributeAsync("data-state", "done");
        await Expect(panel.SystemMessages.Filter(new() { HasText = $"“{title}” is now done" })).ToHaveCountAsync(1);

        var thread = new ThreadPage(clientPage);
        await thread.OpenAsync("portal", id);
        var clientPanel = new ProjectPanelPage(clientPage);
        await Expect(clientPanel.Item(title)).ToHaveAttributeAsync("data-state", "done");
        await Expect(clientPanel.Panel.Locator("form")).ToHaveCountAsync(0);
        await Expect(clientPanel.SystemMessages.Filter(new() { HasText = $"Checklist: added “{title}”" })).ToHaveCountAsync(1);
        await Expect(clientPanel.Milestones.First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhoneThePanelIsFoldedAndOpensWhenTapped()
    {
        await using var context = await server.ContextForAsync("client@demo.local", 390, 800);
        var page = await context.NewPageAsync();
        var id = await ConversationIdAsync(page, "Moodboard feedback");
        await new ThreadPage(page).OpenAsync("portal", id);
        var panel = new ProjectPanelPage(page);

        await Expect(panel.Panel).Not.ToHaveAttributeAsync("open", "");
        await Expect(panel.Items.First).Not.ToBeVisibleAsync();
        await panel.Panel.Locator("summary").ClickAsync();
        await Expect(panel.Items.First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TypingHashOffersTheProjectsItemsAndTheSentChipOpensThePanelAtTheItemOnAPhone()
    {
        await using var context = await server.ContextForAsync("client@demo.local", 390, 800);
        var page = await context.NewPageAsync();
        var id = await ConversationIdAsync(page, "Moodboard feedback");
        await new ThreadPage(page).OpenAsync("portal", id);
        var panel = new ProjectPanelPage(page);
        var first = panel.Items.First;
        var title = (await first.Locator(".checklist-title").TextContentAsync())!.Trim();
        var itemId = await first.GetAttributeAsync("id");
        var tools = new ComposeTools(page);
        var marker = Guid.NewGuid().ToString("N")[..8];

        await tools.Body.FillAsync($"Where are we with {marker} ");
        await tools.Body.PressSequentiallyAsync("#" + title.Split(' ')[0]);
        var options = page.GetByTestId("item-reference-option");
        await Expect(options.Filter(new() { HasText = title })).ToBeVisibleAsync();
        var index = (await options.AllTextContentsAsync()).ToList().FindIndex(t => t.StartsWith(title, StringComparison.Ordinal));
        for (var i = 0; i < index; i++)
        {
            await tools.Body.PressAsync("ArrowDown");
        }

        await tools.Body.PressAsync("Enter"); // picks the item, does not send
        Assert.Equal($"Where are we with {marker} #{itemId!["item-".Length..]} ", await tools.Body.InputValueAsync());
        await tools.Body.PressAsync("Enter"); // sends

        var chip = tools.Message(marker).Body.GetByTestId("item-reference");
        await Expect(chip).ToHaveTextAsync($"#{title}");
        await Expect(panel.Panel).Not.ToHaveAttributeAsync("open", "");
        await chip.ClickAsync();
        await Expect(panel.Panel).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator($"#{itemId}")).ToBeInViewportAsync();
    }
}
