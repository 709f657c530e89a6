using System.Net;
using Messaging.Tests.Infrastructure;
using static Messaging.Tests.Safety.Safety;

namespace Messaging.Tests.Safety;

/// <summary>Reporting a message, the Admins' queue, and hiding a message from every path.</summary>
public sealed class ReportTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Wardrobe = "wardrobe"; // the newest message of "Spring campaign kickoff", by Sam Staff

    public Task InitializeAsync() => factory.Database.ExecuteAsync("DELETE FROM message_reports; UPDATE messages SET hidden_at = NULL");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<long> OpenReportsAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM message_reports WHERE status = 'Open'");

    [Fact]
    public async Task AClientsReportOfAStaffMessageLandsInTheAdminsQueue()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var message = await factory.Database.MessageIdAsync(Wardrobe);

        var form = await chloe.GetPageAsync($"/messages/report/{Id(message)}");
        Assert.Contains("wardrobe", form.QuerySelector("[data-testid=report-excerpt]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector("[data-testid=report-form] [data-testid=report-reason]"));

        var response = await ReportAsync(chloe, message, "Harassment", "Pushy tone.", $"/messages/report/{Id(message)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=report-sent]"));

        using var admin = await factory.SignInAsync(Demo.Admin);
        var queue = await admin.GetPageAsync("/admin/reports");
        var row = Assert.Single(queue.QuerySelectorAll("[data-testid=report-row]"));
        var text = row.TextContent;
        Assert.Contains("wardrobe", text, StringComparison.Ordinal);
        Assert.Contains("Sam Staff", text, StringComparison.Ordinal);
        Assert.Contains("Chloe Client", text, StringComparison.Ordinal);
        Assert.Contains("Harassment", text, StringComparison.Ordinal);
        Assert.Contains("Pushy tone.", text, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("time[datetime]"));
        Assert.Equal("/admin/reports", queue.QuerySelector("[data-testid=nav-reports]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ReportingTheSameMessageTwiceKeepsOneOpenReport()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var message = await factory.Database.MessageIdAsync(Wardrobe);

        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(chloe, message, "Spam")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(chloe, message, "Other", "again")).StatusCode);

        Assert.Equal(1L, await OpenReportsAsync());
    }

    [Fact]
    public async Task AReportWithoutAReasonIsRefusedWithAMessage()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var message = await factory.Database.MessageIdAsync(Wardrobe);

        var missing = await ReportAsync(chloe, message, null, "no reason given");
        var bogus = await ReportAsync(chloe, message, "99");
        var tooLong = await ReportAsync(chloe, message, "Other", new string('x', 1001));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("Choose a reason for the report.", PortalClient.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("[data-testid=report-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bogus.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("at most 1000 characters", await TextAsync(tooLong), StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM message_reports"));
    }

    [Fact]
    public async Task HidingAReportedMessageReplacesItForEveryoneOnEveryPath()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var message = await factory.Database.MessageIdAsync(Wardrobe);
        var thread = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(chloe, message, "Inappropriate")).StatusCode);
        var reportId = await factory.Database.ScalarAsync<long>("SELECT id FROM message_reports");

        var hide = await admin.PostFormAsync("/admin/reports", "/admin/reports?handler=Hide", new() { ["ReportId"] = Id(reportId) });
        AssertRedirect(hide);
        var queue = await admin.GetPageAsync("/admin/reports");
        Assert.Empty(queue.QuerySelectorAll("[data-testid=report-row]"));
        Assert.Equal("Hidden", await factory.Database.ScalarAsync<string>($"SELECT status FROM message_reports WHERE id = {reportId}"));

        var paths = new (PortalClient Who, string Url, bool Htmx, string? Target)[]
        {
            (chloe, $"/portal/messages/{Id(thread)}", false, null),
            (chloe, $"/portal/messages/{Id(thread)}?handler=Newer&after={Id(message - 1)}", true, null),
            (chloe, "/portal/messages", false, null),
            (chloe, "/portal/messages?p=1", true, "conversation-list"),
            (staff, $"/staff/messages/{Id(thread)}", false, null),
            (staff, "/staff/messages", false, null),
            (admin, $"/staff/messages/{Id(thread)}", false, null),
        };
        foreach (var (who, url, htmx, target) in paths)
        {
            var response = await who.GetAsync(url, htmx, target);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(Wardrobe, html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("hidden by a moderator", html, StringComparison.Ordinal);
        }

        var page = await chloe.GetPageAsync($"/portal/messages/{Id(thread)}");
        var hidden = page.QuerySelector($"[data-message-id='{Id(message)}']")!;
        Assert.NotNull(hidden.QuerySelector("[data-testid=message-hidden]"));
        Assert.Null(hidden.QuerySelector("[data-testid=message-report]"));

        // A hidden message can't be reported again.
        var again = await ReportAsync(chloe, message, "Spam");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(0L, await OpenReportsAsync());
    }

    [Fact]
    public async Task DismissingAReportRemovesItFromTheQueueAndKeepsTheMessage()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var message = await factory.Database.MessageIdAsync(Wardrobe);
        var thread = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(chloe, message, "Spam")).StatusCode);
        var reportId = await factory.Database.ScalarAsync<long>("SELECT id FROM message_reports");

        AssertRedirect(await admin.PostFormAsync("/admin/reports", "/admin/reports?handler=Dismiss", new() { ["ReportId"] = Id(reportId) }));

        Assert.Empty((await admin.GetPageAsync("/admin/reports")).QuerySelectorAll("[data-testid=report-row]"));
        Assert.Equal("Dismissed", await factory.Database.ScalarAsync<string>($"SELECT status FROM message_reports WHERE id = {reportId}"));
        var html = await (await chloe.GetAsync($"/portal/messages/{Id(thread)}")).Content.ReadAsStringAsync();
        Assert.Contains(Wardrobe, html, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden by a moderator", html, StringComparison.Ordinal);

        // A decided report can't be decided again.
        var twice = await admin.PostFormAsync("/admin/reports", "/admin/reports?handler=Hide", new() { ["ReportId"] = Id(reportId) });
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
    }

    [Fact]
    public async Task AClientReportingAnInternalNoteAForeignOrTheirOwnMessageGetsNotFound()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        var note = await factory.Database.MessageIdAsync("budget is tight");
        var chloesOwn = await factory.Database.MessageIdAsync("warmer colours please");
        var inChloesThread = await factory.Database.MessageIdAsync("rework the palette");

        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/messages/report/{Id(note)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(chloe, note, "Spam")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carlos.GetAsync($"/messages/report/{Id(inChloesThread)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(carlos, inChloesThread, "Spam")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(chloe, chloesOwn, "Spam")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(chloe, 987654321, "Spam")).StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM message_reports"));

        // Staff can see and report the note.
        using var viewer = await factory.SignInAsync(Demo.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(viewer, note, "Other")).StatusCode);
    }

    [Fact]
    public async Task ForgedReportIdsAreNotFoundAndOnlyAdminsReachTheQueue()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var message = await factory.Database.MessageIdAsync(Wardrobe);
        var foreignReport = await factory.Database.ScalarAsync<long>($"""
            WITH w AS (INSERT INTO workspaces (name, messages_enabled, created_at) VALUES ('Elsewhere', true, now()) RETURNING id)
            INSERT INTO message_reports (workspace_id, message_id, reporter_member_id, reason, status, created_at)
            SELECT w.id, {Id(message)}, (SELECT id FROM members WHERE display_name = 'Chloe Client'), 'Spam', 'Open', now() FROM w RETURNING id
            """);

        Assert.Empty((await admin.GetPageAsync("/admin/reports")).QuerySelectorAll("[data-testid=report-row]"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/reports", "/admin/reports?handler=Hide", new() { ["ReportId"] = Id(foreignReport) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/reports", "/admin/reports?handler=Dismiss", new() { ["ReportId"] = "987654321" })).StatusCode);
        Assert.Null(await factory.Database.ScalarAsync<object>($"SELECT hidden_at FROM messages WHERE id = {Id(message)}") as DateTime?);

        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync("/admin/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/reports")).StatusCode);
    }
}
