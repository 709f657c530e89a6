using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Inbox;

/// <summary>Team reports (issue 9): response-time percentiles, volume, per member and project, statuses; charts and CSV; Managers only.</summary>
public sealed class ReportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Ten first responses by Sam in the Launch timeline, waiting 1 to 10 minutes.</summary>
    private async Task SeedResponsesAsync()
    {
        if (await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversation_responses WHERE responded_at > now() - interval '1 hour'") > 0)
        {
            return;
        }

        await factory.Database.ExecuteAsync("""
            INSERT INTO conversation_responses (workspace_id, conversation_id, project_id, message_id, responder_member_id, asked_at, responded_at, seconds, is_first)
            SELECT c.workspace_id, c.id, c.project_id, (SELECT max(id) FROM messages WHERE conversation_id = c.id), s.id,
                   now() - make_interval(secs => g * 60), now(), g * 60, true
            FROM conversations c, members s, generate_series(1, 10) g
            WHERE c.subject = 'Launch timeline' AND s.display_name = 'Sam Staff'
            """);
    }

    [Fact]
    public async Task TheReportShowsMedianAndP90FirstResponseAndChartsForManagers()
    {
        await SeedResponsesAsync();
        using var manager = await factory.SignInAsync(Demo.Manager);

        var page = await manager.GetPageAsync($"/staff/reports?from={Today}&to={Today}");

        Assert.Equal("6 min", page.QuerySelector("[data-testid=median-first-response]")!.TextContent); // 330 s
        Assert.Equal("9 min", page.QuerySelector("[data-testid=p90-first-response]")!.TextContent); // 546 s
        foreach (var chart in new[] { "chart-volume", "chart-status", "chart-members", "chart-projects" })
        {
            Assert.NotNull(page.QuerySelector($"[data-testid={chart}] svg"));
        }

        Assert.Contains("Sam Staff", page.QuerySelector("[data-testid=report-members]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Product Launch", page.QuerySelector("[data-testid=report-projects]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsvHasTheSameFiguresVolumeAndStatuses()
    {
        await SeedResponsesAsync();
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var sam = await factory.SignInAsync(Demo.Staff);
        await sam.ReplyAsync("staff", await factory.Database.ConversationIdAsync("Moodboard feedback"), "Today's answer");

        var response = await admin.GetAsync($"/staff/reports?handler=Csv&from={Today}&to={Today}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Section,Label,Count,MedianSeconds,P90Seconds,FromClients,FromTeam", csv, StringComparison.Ordinal);
        Assert.Contains("first_response,all,10,330,546", csv, StringComparison.Ordinal); // the ten seeded
        Assert.Contains("response,all,11,", csv, StringComparison.Ordinal); // plus Sam's answer today (not a first: Ada answered that thread before)
        Assert.Contains($"day,{Today},1,,,0,1", csv, StringComparison.Ordinal);
        Assert.Contains("member,Sam Staff,11,", csv, StringComparison.Ordinal);
        Assert.Contains("status,WaitingOnClient,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeriodEndingBeforeItStartsGetsAMessage()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);

        var response = await manager.GetAsync("/staff/reports?from=2026-05-10&to=2026-05-01");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The period ends before it starts: choose an end date on or after the start.",
            PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=report-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.GetAsync("/staff/reports?handler=Csv&from=2026-05-10&to=2026-05-01")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.GetAsync("/staff/reports?from=nonsense")).StatusCode);
    }

    [Fact]
    public async Task CoordinatorsAndClientsCannotSeeTheReport()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/staff/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/staff/reports?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync("/staff/reports")).StatusCode);
    }
}
