using Messaging.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>Blocking and reporting, as people do it in the browser.</summary>
[Collection(PortalGroup.Name)]
public sealed class SafetyTests(PortalServer server)
{
    [Fact]
    public async Task AClientBlocksAnotherClientAndTheirReplyIsRefusedWithAVisibleMessage()
    {
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        await using var chloeContext = await server.ContextForAsync("client@demo.local");
        await using var carlosContext = await server.ContextForAsync("client2@demo.local");
        var subject = $"Joint shoot {Guid.NewGuid():N}"[..20];
        var id = await new StaffNewConversationPage(await staffContext.NewPageAsync())
            .StartAsync(subject, "Chloe, Carlos: let's plan the joint shoot here.", "Chloe Client", "Carlos Client");

        var chloe = new ThreadPage(await chloeContext.NewPageAsync());
        await chloe.OpenAsync("portal", id);
        await chloe.SendAsync("Hi Carlos, Chloe here.");
        await Expect(chloe.Bodies.Last).ToContainTextAsync("Chloe here");

        // Carlos blocks Chloe from her message's menu and lands on his block list.
        var carlos = new ThreadPage(await carlosContext.NewPageAsync());
        await carlos.OpenAsync("portal", id);
        await new MessageMenu(carlos.Messages.Filter(new() { HasText = "Chloe here" })).BlockAuthorAsync();
        var preferences = new PreferencesPage(carlos.Page);
        await Expect(preferences.BlockedRows.Filter(new() { HasText = "Chloe Client" })).ToBeVisibleAsync();

        // Chloe's next reply is refused, with the reason next to the form and her text kept.
        var count = await chloe.Messages.CountAsync();
        await chloe.SendAsync("Did you get my note?");
        await Expect(chloe.Page.GetByTestId("reply-error")).ToHaveTextAsync("Your message can't be delivered to Carlos Client.");
        await Expect(chloe.ReplyBody).ToHaveValueAsync("Did you get my note?");
        await Expect(chloe.Messages).ToHaveCountAsync(count);

        // Unblocking restores delivery (and leaves the shared server as it was).
        await preferences.UnblockAsync("Chloe Client");
        await Expect(preferences.BlockedRows).ToHaveCountAsync(0);
        await chloe.Page.GetByTestId("reply-send").ClickAsync();
        await Expect(chloe.Bodies.Last).ToContainTextAsync("Did you get my note?");
    }

    [Fact]
    public async Task AClientReportsAStaffMessageAndAnAdminHidesIt()
    {
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        await using var chloeContext = await server.ContextForAsync("client@demo.local");
        await using var adminContext = await server.ContextForAsync("admin@demo.local");
        var remark = $"Rude remark {Guid.NewGuid():N}";
        var id = await new StaffNewConversationPage(await staffContext.NewPageAsync())
            .StartAsync($"Report me {remark[12..20]}", remark, "Chloe Client");

        var chloe = new ThreadPage(await chloeContext.NewPageAsync());
        await chloe.OpenAsync("portal", id);
        await new MessageMenu(chloe.Messages.Filter(new() { HasText = remark })).ReportAsync();
        var form = new ReportFormPage(chloe.Page);
        await form.SendAsync("Harassment", "Not how we talk to clients.");
        await Expect(form.Sent).ToBeVisibleAsync();

        var admin = new ReportsAdminPage(await adminContext.NewPageAsync());
        await admin.OpenAsync();
        var row = admin.Rows.Filter(new() { HasText = remark });
        await Expect(row).ToContainTextAsync("Sam Staff");
        await Expect(row).ToContainTextAsync("Chloe Client");
        await Expect(row).ToContainTextAsync("Harassment");
        await admin.HideAsync(remark);
        await Expect(admin.Rows.Filter(new() { HasText = remark })).ToHaveCountAsync(0);

        await chloe.OpenAsync("portal", id);
        await Expect(chloe.Bodies.First).ToHaveTextAsync("This message was hidden by a moderator.");
        Assert.DoesNotContain(remark, await chloe.Page.ContentAsync(), StringComparison.Ordinal);
    }
}
