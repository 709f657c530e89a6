using System.Globalization;
using System.Net;
using Messaging.Core.ProjectThreads;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Projects;

/// <summary>
/// Deadline reminders: a checklist item or milestone due within the workspace's reminder days gets one "due soon"
/// system message in the project's threads and, once past, one "overdue"; each emails the threads' people as their
/// settings allow (none with email off, after quiet hours); passes run again, or at once on two nodes, send nothing
/// twice; done items and reached milestones get none. The clock is the tests' (<see cref="NotificationFactory"/>).
/// </summary>
public sealed class DeadlineReminderTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private const string Kickoff = "Spring campaign kickoff";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Word() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(10).ToArray());

    /// <summary>Every due reminder, as the background service sends them.</summary>
    private async Task<int> SweepAsync()
    {
        int sent, total = 0;
        do
        {
            await using var scope = factory.Services.CreateAsyncScope();
            sent = await scope.ServiceProvider.GetRequiredService<SendDeadlineReminders>().HandleAsync(CancellationToken.None);
            total += sent;
        }
        while (sent == SendDeadlineReminders.BatchSize);
        return total;
    }

    private async Task<DateOnly> TodayAsync()
    {
        var zone = await factory.Database.ScalarAsync<string>("SELECT time_zone FROM workspaces ORDER BY id LIMIT 1");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
    }

    private async Task<long> ProjectOfAsync(long conversation) =>
        await factory.Database.ScalarAsync<long>($"SELECT project_id FROM conversations WHERE id = {Id(conversation)}");

    private async Task<long> AddItemAsync(long project, string title, DateOnly due, string state = "ToDo") =>
        await factory.Database.ScalarAsync<long>(
            $"INSERT INTO project_deliverables (project_id, title, due_on, state, created_at) VALUES ({Id(project)}, '{title}', '{due:yyyy-MM-dd}', '{state}', now()) RETURNING id");

    private Task<long> SystemMessagesAsync(long conversation, string like) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {Id(conversation)} AND kind = 'System' AND body LIKE '{like}'");

    private Task<long> NoticesAsync(string like, string? email = null) =>
        factory.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM email_outbox o JOIN members m ON m.id = o.recipient_member_id JOIN "AspNetUsers" u ON u."Id" = m.user_id
            WHERE o.kind = 'Notice' AND o.subject LIKE '{like}' {(email is null ? "" : $"AND u.\"Email\" = '{email}'")}
            """);

    [Fact]
    public async Task AnItemDueSoonGetsOneReminderAndOneOverdueNoticeInItsThreadAndByEmail()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var project = await ProjectOfAsync(kickoff);
        var today = await TodayAsync();
        var item = $"Hero cut {Word()}";
        await AddItemAsync(project, item, today.AddDays(2));
        var people = await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM conversation_participants p JOIN members m ON m.id = p.member_id WHERE p.conversation_id = {Id(kickoff)} AND m.is_active");

        await SweepAsync();
        await SweepAsync();

        var date = today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(1, await SystemMessagesAsync(kickoff, $"Reminder: “{item}” is due in 2 days, on {date}."));
        Assert.Equal(people, await NoticesAsync($"Reminder: “{item}”%"));
        Assert.Equal(1, await NoticesAsync($"Reminder: “{item}”%", Demo.Client));

        factory.Clock.Advance(TimeSpan.FromDays(3));
        await SweepAsync();
        await SweepAsync();

        Assert.Equal(1, await SystemMessagesAsync(kickoff, $"Overdue: “{item}” was due on {date}."));
        Assert.Equal(1, await SystemMessagesAsync(kickoff, $"Reminder: “{item}”%"));
        Assert.Equal(people, await NoticesAsync($"Overdue: “{item}”%"));
        Assert.Equal(2, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM deadline_reminders r JOIN project_deliverables d ON d.id = r.item_id AND r.item_kind = 'Deliverable' WHERE d.title = '{item}'"));

        // The client reads it in the thread, apart from people's messages.
        using var chloe = await factory.SignInAsync(Demo.Client);
        var page = await chloe.GetPageAsync($"/portal/messages/{Id(kickoff)}");
        Assert.Contains(page.QuerySelectorAll("[data-testid=system-message]"), m => m.TextContent.Contains($"Overdue: “{item}”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoNodesSweepingAtOnceSendEachReminderOnce()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var project = await ProjectOfAsync(kickoff);
        var item = $"Cutdowns {Word()}";
        await AddItemAsync(project, item, await TodayAsync());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SweepAsync)));
        await SweepAsync();

        Assert.Equal(1, await SystemMessagesAsync(kickoff, $"Reminder: “{item}” is due today%"));
    }

    [Fact]
    public async Task DoneItemsReachedMilestonesAndFarDeadlinesGetNoReminder()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var project = await ProjectOfAsync(kickoff);
        var today = await TodayAsync();
        var done = $"Done already {Word()}";
        var far = $"Far off {Word()}";
        var milestone = $"Reached {Word()}";
        await AddItemAsync(project, done, today.AddDays(-1), "Done");
        await AddItemAsync(project, far, today.AddDays(20));
        await factory.Database.ExecuteAsync($"INSERT INTO project_milestones (project_id, title, due_on, progress, reached_at, created_at) VALUES ({Id(project)}, '{milestone}', '{today:yyyy-MM-dd}', 100, now(), now())");
        var open = $"Open milestone {Word()}";
        await factory.Database.ExecuteAsync($"INSERT INTO project_milestones (project_id, title, due_on, progress, created_at) VALUES ({Id(project)}, '{open}', '{today.AddDays(1):yyyy-MM-dd}', 40, now())");

        await SweepAsync();

        Assert.Equal(0, await SystemMessagesAsync(kickoff, $"%{done}%"));
        Assert.Equal(0, await SystemMessagesAsync(kickoff, $"%{far}%"));
        Assert.Equal(0, await SystemMessagesAsync(kickoff, $"%{milestone}%"));
        Assert.Equal(1, await SystemMessagesAsync(kickoff, $"Reminder: milestone “{open}” is due tomorrow%"));
    }

    [Fact]
    public async Task EmailFollowsEachMembersSettingsNoneWhenOffAfterQuietHours()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var project = await ProjectOfAsync(kickoff);
        var client = await factory.Database.MemberIdAsync(Demo.Client);
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);
        var now = factory.Clock.GetUtcNow();
        var minute = (now.Hour * 60) + now.Minute;
        // Quiet from an hour ago to two hours from now (UTC), for the client; email off for staff.
        var (start, end) = ((minute + 1380) % 1440, (minute + 120) % 1440);
        await factory.Database.ExecuteAsync($"""
            INSERT INTO notification_settings (member_id, email_mode, browser_enabled, sound_enabled, quiet_start_minute, quiet_end_minute, time_zone, updated_at)
            VALUES ({Id(client)}, 'Immediate', true, true, {Id(start)}, {Id(end)}, 'UTC', now()), ({Id(staff)}, 'Off', true, true, NULL, NULL, 'UTC', now())
            ON CONFLICT (member_id) DO UPDATE SET email_mode = excluded.email_mode, quiet_start_minute = excluded.quiet_start_minute,
                quiet_end_minute = excluded.quiet_end_minute, time_zone = 'UTC'
            """);
        try
        {
            var item = $"Captions {Word()}";
            await AddItemAsync(project, item, await TodayAsync());

            await SweepAsync();

            Assert.Equal(1, await SystemMessagesAsync(kickoff, $"Reminder: “{item}”%"));
            Assert.Equal(0, await NoticesAsync($"Reminder: “{item}”%", Demo.Staff));
            var due = await factory.Database.ScalarAsync<DateTime>($"SELECT due_at FROM email_outbox WHERE kind = 'Notice' AND recipient_member_id = {Id(client)} AND subject LIKE 'Reminder: “{item}”%'");
            Assert.InRange(due - now.UtcDateTime, TimeSpan.FromMinutes(115), TimeSpan.FromMinutes(121));
        }
        finally
        {
            await factory.Database.ExecuteAsync($"DELETE FROM notification_settings WHERE member_id IN ({Id(client)}, {Id(staff)})");
        }
    }

    [Fact]
    public async Task AWiderWindowRemindsEarlierAndTheChangeIsAudited()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var project = await ProjectOfAsync(kickoff);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var item = $"Storyboard {Word()}";
        await AddItemAsync(project, item, (await TodayAsync()).AddDays(4));
        await SweepAsync();
        Assert.Equal(0, await SystemMessagesAsync(kickoff, $"%{item}%"));
        try
        {
            using var saved = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Reminders", new() { ["ReminderDaysBefore"] = "5" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            await SweepAsync();

            Assert.Equal(1, await SystemMessagesAsync(kickoff, $"Reminder: “{item}” is due in 4 days%"));
            Assert.Equal(1, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE detail LIKE 'deadline reminder: 2 → 5 days before'"));
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET reminder_days_before = 2");
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("31")]
    [InlineData("-1")]
    public async Task AdminsSetTheReminderDaysAndBadInputIsRefusedWithAMessage(string bad)
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var before = await factory.Database.ScalarAsync<int>("SELECT reminder_days_before FROM workspaces ORDER BY id LIMIT 1");

        using var refused = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Reminders", new() { ["ReminderDaysBefore"] = bad });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("whole number of days", page.QuerySelector("[data-testid=reminder-days-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(bad, page.QuerySelector("[data-testid=reminder-days]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.Database.ScalarAsync<int>("SELECT reminder_days_before FROM workspaces ORDER BY id LIMIT 1"));

        using var saved = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Reminders", new() { ["ReminderDaysBefore"] = Id(before) });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Id(before), (await admin.GetPageAsync("/admin/settings")).QuerySelector("[data-testid=reminder-days]")!.GetAttribute("value"));
    }
}
