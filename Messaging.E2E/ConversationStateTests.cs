using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>A portal whose scheduled-message dispatcher looks every second, so a message scheduled a few seconds ahead arrives quickly.</summary>
public sealed class FastSchedulingPortalServer : PortalServer
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { ["Messaging__Scheduling__PollSeconds"] = "1" };
}

[CollectionDefinition(Name)]
public sealed class FastSchedulingPortalGroup : ICollectionFixture<FastSchedulingPortalServer>
{
    public const string Name = "fast-scheduling portal";
}

/// <summary>Issue 8 in the browser: typing and presence, read receipts, bulk archive, a scheduled message arriving; and how it all looks.</summary>
[Collection(FastSchedulingPortalGroup.Name)]
public sealed class ConversationStateTests(FastSchedulingPortalServer server)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    private static async Task<long> IdAsync(IPage page, string area, string subject)
    {
        await new ConversationListPage(page).OpenAsync(area);
        return BulkActions.IdOf(await new BulkActions(page).Row(subject).GetAttributeAsync("data-conversation-id"));
    }

    [Fact]
    public async Task TheOtherParticipantSeesTypingWhileItLastsAndSeesWhoIsOnline()
    {
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        var clientPage = await clientContext.NewPageAsync();
        var id = await IdAsync(clientPage, "portal", "Spring campaign kickoff");
        var staffThread = new ThreadPage(await staffContext.NewPageAsync());
        await staffThread.OpenAsync("staff", id);
        var clientThread = new ThreadPage(clientPage);
        await clientThread.OpenAsync("portal", id);
        var staffView = new ConversationStatePage(staffThread.Page);

        await Expect(staffView.Presence("Chloe Client")).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
        await clientThread.ReplyBody.PressSequentiallyAsync("Thinking about the brief", new() { Delay = 20 });

        await Expect(staffView.TypingIndicator).ToHaveTextAsync("Chloe Client is typing…", new() { Timeout = 15_000 });
        // No more typing: the indicator goes about 5 s after the last notice.
        await Expect(staffView.TypingIndicator).ToBeHiddenAsync(new() { Timeout = 12_000 });
        await Expect(new ConversationStatePage(clientPage).TypingIndicator).ToBeHiddenAsync();

        await clientPage.CloseAsync();
        await Expect(staffView.Presence("Chloe Client")).ToHaveAttributeAsync("data-online", "false", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task TheAuthorSeesSeenOnceTheOtherParticipantOpensTheThread()
    {
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        await using var adminContext = await server.ContextForAsync("admin@demo.local");
        var clientPage = await clientContext.NewPageAsync();
        var id = await IdAsync(clientPage, "portal", "Invoice question");
        var clientThread = new ThreadPage(clientPage);
        await clientThread.OpenAsync("portal", id);
        var receipt = new ConversationStatePage(clientPage).Receipt;

        var text = $"Any news on the invoice? {Guid.NewGuid():N}";
        await clientThread.SendAsync(text);
        // The seeded thread already ends with an unseen message of this client, so "Sent" alone does not
        // prove the new message is stored: wait until the receipt is the new message's.
        var sent = clientPage.GetByTestId("message").Filter(new() { HasText = text });
        await Expect(sent).ToBeVisibleAsync(Live);
        var sentId = await sent.GetAttributeAsync("data-message-id");
        await Expect(receipt).ToHaveAttributeAsync("data-message-id", sentId!, new() { Timeout = 15_000 });
        await Expect(receipt).ToHaveTextAsync("Sent");

        var adminPage = await adminContext.NewPageAsync();
        await adminPage.GotoAsync($"/staff/messages/{id}");

        await Expect(receipt).ToHaveAttributeAsync("data-seen", "true", new() { Timeout = 15_000 });
        await Expect(receipt).ToContainTextAsync("Seen");
    }

    [Fact]
    public async Task SelectedConversationsAreArchivedTogetherAndListedUnderArchived()
    {
        await using var context = await server.ContextForAsync("client2@demo.local");
        var page = await context.NewPageAsync();
        await new ConversationListPage(page).OpenAsync("portal");
        var bulk = new BulkActions(page);

        await bulk.SelectAsync("Launch timeline");
        await bulk.SelectAsync("Shipping samples");
        await bulk.ArchiveAsync();

        await Expect(bulk.Row("Launch timeline")).ToHaveCountAsync(0);
        await Expect(bulk.Row("Shipping samples")).ToHaveCountAsync(0);
        await page.GetByTestId("view-archived").ClickAsync();
        await Expect(bulk.Row("Launch timeline")).ToBeVisibleAsync();
        await Expect(bulk.Row("Shipping samples")).ToBeVisibleAsync();

        // Put them back for the other tests.
        await bulk.SelectAsync("Launch timeline");
        await bulk.SelectAsync("Shipping samples");
        await page.GetByTestId("bulk-unarchive").ClickAsync();
        await Expect(bulk.Row("Launch timeline")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AScheduledMessageArrivesOnTimeForTheOtherParticipant()
    {
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        var clientPage = await clientContext.NewPageAsync();
        var id = await IdAsync(clientPage, "portal", "Moodboard feedback");
        var staffThread = new ThreadPage(await staffContext.NewPageAsync());
        await staffThread.OpenAsync("staff", id);
        await new ThreadPage(clientPage).OpenAsync("portal", id);
        var client = new ConversationStatePage(clientPage);
        var text = $"Scheduled hello {Guid.NewGuid():N}";

        await client.ScheduleAsync(text, await client.LocalTimeFromNowAsync(6));

        await Expect(client.Scheduled.Filter(new() { HasText = text })).ToBeVisibleAsync();
        await Expect(new ThreadPage(clientPage).ReplyBody).ToHaveValueAsync("");
        await Expect(staffThread.Page.GetByTestId("message").Filter(new() { HasText = text })).ToHaveCountAsync(0);

        await Expect(staffThread.Page.GetByTestId("message").Filter(new() { HasText = text })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(clientPage.GetByTestId("message").Filter(new() { HasText = text })).ToBeVisibleAsync(Live);
        await Expect(client.Scheduled.Filter(new() { HasText = text })).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task ASchedulingTimeInThePastShowsWhyAndKeepsTheText()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        var id = await IdAsync(page, "portal", "Invoice question");
        await new ThreadPage(page).OpenAsync("portal", id);
        var state = new ConversationStatePage(page);

        await state.ScheduleAsync("From the past", await state.LocalTimeFromNowAsync(-3600));

        await Expect(page.GetByTestId("schedule-error")).ToContainTextAsync("That time is in the past");
        await Expect(page.GetByTestId("reply-body")).ToHaveValueAsync("From the past");
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task ListAndThreadWithConversationStateFitTheScreen(string label, int width, int height)
    {
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var context = await server.ContextForAsync("staff@demo.local", width, height);
        var page = await context.NewPageAsync();
        await new ConversationListPage(page).OpenAsync("staff");
        await new BulkActions(page).SelectAsync("Spring campaign kickoff");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"conversation-state-list-{label}.png"), FullPage = true });
        Assert.True(await FitsAsync(page), $"the list with bulk actions scrolls sideways at {width}px");

        var id = BulkActions.IdOf(await new BulkActions(page).Row("Team sync: Q3 planning").GetAttributeAsync("data-conversation-id"));
        await new ThreadPage(page).OpenAsync("staff", id);
        var state = new ConversationStatePage(page);
        await state.ScheduleAsync($"Agenda for the next sync ({label})", await state.LocalTimeFromNowAsync(86_400));
        // This run's own item: the other width's run may have left one in the list already, which the swap replaces.
        var scheduled = state.Scheduled.Filter(new() { HasText = $"Agenda for the next sync ({label})" });
        await Expect(scheduled).ToBeVisibleAsync();
        await page.GetByTestId("conversation-actions").Locator("summary").ClickAsync();
        await scheduled.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"conversation-state-thread-{label}.png"), FullPage = true });
        Assert.True(await FitsAsync(page), $"the thread with actions and scheduled messages scrolls sideways at {width}px");
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
