using System.Globalization;
using System.Text.RegularExpressions;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>
/// The staff inbox in the browser (issue 9): assigning from the inbox with the assignee's live notice, an
/// internal note seen by staff and never by the client with both pages open, inserting a saved reply, and
/// screenshots. Each test starts its own conversation so the demo threads other tests rely on stay as seeded.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed partial class InboxTests(PortalServer server)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [GeneratedRegex(@"/staff/messages/(\d+)")]
    private static partial Regex ThreadUrl();

    /// <summary>Starts a Spring Campaign conversation with Chloe from the staff "New conversation" form; returns its id.</summary>
    private static async Task<long> StartConversationAsync(IPage page, string subject)
    {
        await page.GotoAsync("/staff/messages/new");
        await page.GetByLabel("Project (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Spring Campaign" });
        await page.GetByTestId("new-conversation-form").Locator("label.check").Filter(new() { HasText = "Chloe Client" }).First.Locator("input").CheckAsync();
        await page.GetByLabel("Subject or group title").FillAsync(subject);
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync($"Opening {subject}");
        await page.GetByTestId("start-conversation").ClickAsync();
        await page.WaitForURLAsync(ThreadUrl());
        return long.Parse(ThreadUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AManagerAssignsFromTheInboxAndTheAssigneeIsNotifiedLive()
    {
        var subject = $"Assign me {Guid.NewGuid():N}"[..20];
        await using var managerContext = await server.ContextForAsync("manager@demo.local");
        await using var samContext = await server.ContextForAsync("staff@demo.local");
        var manager = await managerContext.NewPageAsync();
        await StartConversationAsync(manager, subject);

        var sam = await samContext.NewPageAsync();
        await sam.GotoAsync("/staff/inbox?view=Mine");
        await LiveConnection.WaitUntilOpenAsync(sam);
        var samMine = sam.GetByTestId("inbox-view").Filter(new() { HasText = "Mine" }).GetByTestId("inbox-count");
        var mineBefore = int.Parse(await samMine.TextContentAsync() ?? "0", CultureInfo.InvariantCulture);

        await manager.GotoAsync("/staff/inbox?view=Unassigned");
        await LiveConnection.WaitUntilOpenAsync(manager);
        var row = manager.GetByTestId("inbox-row").Filter(new() { HasText = subject });
        await row.GetByTestId("assign-select").SelectOptionAsync(new SelectOptionValue { Label = "Sam Staff" });
        await row.GetByTestId("assign-button").ClickAsync();

        await Expect(manager.GetByTestId("inbox-row").Filter(new() { HasText = subject })).ToHaveCountAsync(0); // left the Unassigned view
        await Expect(sam.GetByTestId("assign-notice").Filter(new() { HasText = subject })).ToBeVisibleAsync(Live);
        await Expect(sam.GetByTestId("assign-notice").Filter(new() { HasText = subject })).ToContainTextAsync("Mia Manager assigned you");
        await Expect(samMine).ToHaveTextAsync((mineBefore + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await Expect(sam.GetByTestId("inbox-row").Filter(new() { HasText = subject })).ToBeVisibleAsync(Live);
    }

    [Fact]
    public async Task AnInternalNoteIsSeenByStaffAndNeverByTheClientWithBothPagesOpen()
    {
        var subject = $"Note test {Guid.NewGuid():N}"[..20];
        await using var samContext = await server.ContextForAsync("staff@demo.local");
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        var sam = new ThreadPage(await samContext.NewPageAsync());
        var id = await StartConversationAsync(sam.Page, subject);
        await sam.OpenAsync("staff", id);
        var client = new ThreadPage(await clientContext.NewPageAsync());
        await client.OpenAsync("portal", id);

        var note = $"Internal only {Guid.NewGuid():N}";
        await sam.Page.GetByTestId("note-body").FillAsync(note);
        await sam.Page.GetByTestId("note-send").ClickAsync();
        var staffNote = sam.Messages.Filter(new() { HasText = note });
        await Expect(staffNote).ToBeVisibleAsync(Live);
        await Expect(staffNote).ToHaveClassAsync(new Regex("is-note"));
        await Expect(staffNote.Locator(".tag-note")).ToHaveTextAsync("Internal note");

        // A public reply after the note: once the client sees it live, the note would have arrived too if it could.
        var reply = $"Public answer {Guid.NewGuid():N}";
        await sam.SendAsync(reply);
        await Expect(client.Bodies.Filter(new() { HasText = reply })).ToBeVisibleAsync(Live);
        await Expect(client.Page.GetByText(note)).ToHaveCountAsync(0);
        Assert.DoesNotContain(note, await client.Page.ContentAsync(), StringComparison.Ordinal);
        await client.Page.ReloadAsync();
        Assert.DoesNotContain(note, await client.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASavedReplyIsInsertedFromThePickerWithTheKeyboardAndSent()
    {
        var subject = $"Saved reply {Guid.NewGuid():N}"[..20];
        var title = $"Greeting {Guid.NewGuid():N}"[..16];
        await using var samContext = await server.ContextForAsync("staff@demo.local");
        var page = await samContext.NewPageAsync();
        await page.GotoAsync("/staff/replies");
        await page.GetByTestId("saved-reply-title").FillAsync(title);
        await page.GetByTestId("saved-reply-body").FillAsync("Hi {{client.first_name}}, this is {{staff.first_name}} about {{project.name}}.");
        await page.GetByTestId("saved-reply-save").ClickAsync();
        await Expect(page.GetByTestId("saved-reply").Filter(new() { HasText = title })).ToBeVisibleAsync();

        var id = await StartConversationAsync(page, subject);
        var thread = new ThreadPage(page);
        await thread.OpenAsync("staff", id);
        await thread.ReplyBody.FocusAsync();
        await page.Keyboard.PressAsync("Control+/");
        await Expect(page.GetByTestId("saved-reply-filter")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(title);
        await Expect(page.GetByTestId("saved-reply-option").Filter(new() { HasText = title })).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");

        await Expect(thread.ReplyBody).ToHaveValueAsync("Hi Chloe, this is Sam about Spring Campaign.");
        await Expect(thread.ReplyBody).ToBeFocusedAsync();
        await page.GetByTestId("reply-send").ClickAsync();
        await Expect(thread.Bodies.Filter(new() { HasText = "Hi Chloe, this is Sam about Spring Campaign." })).ToBeVisibleAsync(Live);
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task InboxThreadAndReportsRenderAtThisWidth(string label, int width, int height)
    {
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var managerContext = await server.ContextForAsync("manager@demo.local", width, height);
        await using var adminContext = await server.ContextForAsync("admin@demo.local", width, height);
        var manager = await managerContext.NewPageAsync();
        var subject = $"Shots {label} {Guid.NewGuid():N}"[..22];
        var id = await StartConversationAsync(manager, subject);

        // The thread: assigned to Sam, tagged, an internal note, and Ada viewing at the same time.
        var thread = new ThreadPage(manager);
        await thread.OpenAsync("staff", id);
        await manager.GetByTestId("panel-assign-select").SelectOptionAsync(new SelectOptionValue { Label = "Sam Staff" });
        await manager.GetByTestId("panel-assign").ClickAsync();
        await Expect(manager.GetByTestId("system-line").Filter(new() { HasText = "Mia Manager assigned Sam Staff" })).ToBeVisibleAsync(Live);
        await manager.GetByTestId("note-body").FillAsync("Internal: Chloe prefers calls after 3pm.");
        await manager.GetByTestId("note-send").ClickAsync();
        await Expect(thread.Messages.Filter(new() { HasText = "prefers calls" })).ToBeVisibleAsync(Live);
        var admin = new ThreadPage(await adminContext.NewPageAsync());
        await admin.OpenAsync("staff", id);
        await Expect(manager.GetByTestId("collision-warning")).ToContainTextAsync("Ada Admin is viewing", new() { Timeout = 15_000 });
        await admin.ReplyBody.FillAsync("Drafting an answer");
        await Expect(manager.GetByTestId("collision-warning")).ToContainTextAsync("Ada Admin is replying", new() { Timeout = 15_000 });
        await manager.ScreenshotAsync(new() { Path = Path.Combine(folder, $"inbox-thread-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(manager), $"the staff thread scrolls sideways at {width}px");

        await manager.GotoAsync("/staff/inbox?view=All");
        await Expect(manager.GetByTestId("inbox-row").First).ToBeVisibleAsync();
        await manager.ScreenshotAsync(new() { Path = Path.Combine(folder, $"inbox-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(manager), $"the inbox scrolls sideways at {width}px");

        await manager.GotoAsync("/staff/reports");
        await Expect(manager.GetByTestId("chart-volume")).ToBeVisibleAsync();
        await manager.ScreenshotAsync(new() { Path = Path.Combine(folder, $"team-reports-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(manager), $"the reports scroll sideways at {width}px");
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
