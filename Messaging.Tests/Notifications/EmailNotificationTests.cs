using System.Globalization;
using Messaging.Core.Messages;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Notifications;

/// <summary>Email notifications against a real SMTP server, with a fake clock: the N-minute rule, digests, quiet hours, mute and mention, internal notes, the hourly cap, and a mail server that goes down.</summary>
public sealed class EmailNotificationTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly TimeSpan PastGrace = TimeSpan.FromMinutes(6);

    private Task<long> ConversationAsync(string subject) => factory.Database.ConversationIdAsync(subject);

    private Task SetModeAsync(string email, string mode, string extra = "NULL, NULL, 'UTC'") =>
        factory.Database.ExecuteAsync($"""
            INSERT INTO notification_settings (member_id, email_mode, browser_enabled, sound_enabled, quiet_start_minute, quiet_end_minute, time_zone, updated_at)
            SELECT m.id, '{mode}', false, false, {extra}, now() FROM members m JOIN "AspNetUsers" u ON u."Id" = m.user_id WHERE u."Email" = '{email}'
            ON CONFLICT (member_id) DO UPDATE SET email_mode = excluded.email_mode, quiet_start_minute = excluded.quiet_start_minute,
                quiet_end_minute = excluded.quiet_end_minute, time_zone = excluded.time_zone
            """);

    [Fact]
    public async Task AnUnreadMessageIsEmailedOnceAfterFiveMinutesWithWhatArrivedMeanwhileAndTheProjectTeamIsAlerted()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");

        await factory.SendAsync(Demo.Client, kickoff, "First question about the brief");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.SendAsync(Demo.Client, kickoff, "And a second one");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.DispatchAsync();
        Assert.Empty(factory.MailSince(mark, Demo.Staff));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.DispatchAsync();
        await factory.DispatchAsync();

        var mail = Assert.Single(factory.MailSince(mark, Demo.Staff));
        Assert.Equal("2 new messages in “Spring campaign kickoff”", mail.Subject);
        Assert.Contains("First question about the brief", mail.Text, StringComparison.Ordinal);
        Assert.Contains("And a second one", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/staff/messages/{kickoff}", mail.Text, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Header("Auto-Submitted"));
        Assert.Matches(@"^<notification-\d+@portal\.local>$", mail.Header("Message-ID"));
        Assert.StartsWith($"reply+", mail.Header("Reply-To"), StringComparison.Ordinal);
        // Vic is on the project's team but not in the thread: a staff alert for a client message.
        Assert.Single(factory.MailSince(mark, Demo.Viewer));
        Assert.Empty(factory.MailSince(mark, Demo.Client));
    }

    [Fact]
    public async Task AMessageFromTheReplyFormCommitsWithItsOutboxRowAndARefusedOneLeavesNone()
    {
        var mark = await factory.FreshStartAsync();
        var timeline = await ConversationAsync("Launch timeline");
        using var client = await factory.SignInAsync(Demo.Client2);
        var body = $"Sent from the reply form {Guid.NewGuid():N}";
        var pending = "SELECT count(*) FROM email_outbox WHERE status = 'Pending' AND kind = 'Messages'";

        var refused = await client.PostFormAsync($"/portal/messages/{timeline}", $"/portal/messages/{timeline}?handler=Reply",
            new() { ["Input.Body"] = "   ", ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() }, htmx: true);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>(pending));

        var sent = await client.PostFormAsync($"/portal/messages/{timeline}", $"/portal/messages/{timeline}?handler=Reply",
            new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() }, htmx: true);
        Assert.Equal(System.Net.HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM email_outbox o JOIN messages m ON m.id = o.first_message_id WHERE m.body = '{body}' AND o.status = 'Pending'"));

        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();
        Assert.Contains(body, Assert.Single(factory.MailSince(mark, Demo.Staff)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoReadTheMessageMeanwhileIsNotEmailed()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");
        await factory.SendAsync(Demo.Staff, kickoff, "Draft attached for review");

        using var client = await factory.SignInAsync(Demo.Client);
        await client.GetPageAsync($"/portal/messages/{kickoff}");
        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();

        Assert.Empty(factory.MailSince(mark, Demo.Client));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE status IN ('Pending', 'Sending')"));
    }

    [Fact]
    public async Task AnInternalNoteIsEmailedToStaffButNeverToTheClient()
    {
        var mark = await factory.FreshStartAsync();
        var moodboard = await ConversationAsync("Moodboard feedback");
        var clientId = await factory.Database.MemberIdAsync(Demo.Client);

        await factory.SendAsync(Demo.Staff, moodboard, "Internal: client seems unhappy with palette", MessageVisibility.StaffOnly);
        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();

        var admin = Assert.Single(factory.MailSince(mark, Demo.Admin));
        Assert.Contains("client seems unhappy", admin.Text, StringComparison.Ordinal);
        Assert.Empty(factory.MailSince(mark, Demo.Client));
        Assert.DoesNotContain(factory.Mail.All(), m => m.Text.Contains("client seems unhappy", StringComparison.Ordinal) && m.To == Demo.Client);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM email_outbox WHERE recipient_member_id = {clientId} AND conversation_id = {moodboard} AND created_at >= (SELECT max(created_at) FROM messages)"));

        // A note written while the client's email for a public message waits is not in that email.
        mark = factory.Mail.All().Count;
        await factory.SendAsync(Demo.Staff, moodboard, "Public: new palette uploaded");
        await factory.SendAsync(Demo.Staff, moodboard, "Internal: second palette is a fallback only", MessageVisibility.StaffOnly);
        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();

        var toClient = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Contains("new palette uploaded", toClient.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("fallback only", toClient.Text, StringComparison.Ordinal);
        Assert.Equal("1 new message in “Moodboard feedback”", toClient.Subject);
        Assert.Contains("fallback only", Assert.Single(factory.MailSince(mark, Demo.Admin)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HourlyAndDailyDigestsGroupEveryConversationIntoOneEmail()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");
        var wrapUp = await ConversationAsync("Catalogue wrap-up");
        await SetModeAsync(Demo.Client, "Hourly");

        await factory.SendAsync(Demo.Staff, kickoff, "Hourly one");
        await factory.SendAsync(Demo.Staff, wrapUp, "Hourly two");
        factory.Clock.Advance(TimeSpan.FromMinutes(66));
        await factory.DispatchAsync();

        var hourly = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Equal("Your hourly digest: 2 new messages in 2 conversations", hourly.Subject);
        Assert.Contains("Spring campaign kickoff", hourly.Text, StringComparison.Ordinal);
        Assert.Contains("Catalogue wrap-up", hourly.Text, StringComparison.Ordinal);
        Assert.Null(hourly.Header("Reply-To"));

        await SetModeAsync(Demo.Client, "Daily");
        mark = factory.Mail.All().Count;
        await factory.SendAsync(Demo.Staff, kickoff, "Daily one");
        await factory.SendAsync(Demo.Staff, wrapUp, "Daily two");
        var now = factory.Clock.GetUtcNow();
        var eight = new DateTimeOffset(now.Year, now.Month, now.Day, 8, 0, 0, TimeSpan.Zero);
        var due = eight > now.AddMinutes(5) ? eight : eight.AddDays(1);
        factory.Clock.Advance(due - now - TimeSpan.FromMinutes(1));
        await factory.DispatchAsync();
        Assert.Empty(factory.MailSince(mark, Demo.Client));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await factory.DispatchAsync();
        var daily = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Equal("Your daily digest: 2 new messages in 2 conversations", daily.Subject);
    }

    [Fact]
    public async Task QuietHoursHoldEmailsUntilTheyEndButUrgentMessagesGoOut()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");
        var wrapUp = await ConversationAsync("Catalogue wrap-up");
        var now = factory.Clock.GetUtcNow();
        var start = ((now.Hour * 60) + now.Minute + 1440 - 60) % 1440;
        var end = ((now.Hour * 60) + now.Minute + 120) % 1440;
        await SetModeAsync(Demo.Client, "Immediate", $"{start}, {end}, 'UTC'");

        await factory.SendAsync(Demo.Staff, kickoff, "Not urgent, can wait");
        await factory.SendAsync(Demo.Staff, wrapUp, "Urgent: printer needs sign-off", priority: MessagePriority.Urgent);
        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();

        var urgent = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Contains("[urgent]", urgent.Text, StringComparison.Ordinal);
        Assert.Contains("Catalogue wrap-up", urgent.Subject, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(100));
        await factory.DispatchAsync();
        Assert.Single(factory.MailSince(mark, Demo.Client));

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await factory.DispatchAsync();
        var held = factory.MailSince(mark, Demo.Client);
        Assert.Equal(2, held.Count);
        Assert.Contains("Not urgent, can wait", held[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMutedConversationSendsNothingUnlessTheMemberIsMentioned()
    {
        var mark = await factory.FreshStartAsync();
        var moodboard = await ConversationAsync("Moodboard feedback");
        var clientId = await factory.Database.MemberIdAsync(Demo.Client);
        await factory.Database.ExecuteAsync($"UPDATE conversation_participants SET is_muted = true WHERE conversation_id = {moodboard} AND member_id = {clientId}");

        await factory.SendAsync(Demo.Staff, moodboard, "Routine update nobody needs");
        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();
        Assert.Empty(factory.MailSince(mark, Demo.Client));

        var mention = await factory.SendAsync(Demo.Staff, moodboard, "@Chloe Client can you confirm the date?");
        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();

        Assert.True(factory.MailSince(mark, Demo.Client).Count == 1, await factory.Database.DumpAsync() + "\n" + await factory.Database.ScalarAsync<long>("SELECT count(*) FROM message_mentions"));
        var mail = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Contains("[mentions you]", mail.Text, StringComparison.Ordinal);
        Assert.Contains("can you confirm the date?", mail.Text, StringComparison.Ordinal);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM message_mentions WHERE message_id = {mention} AND member_id = {clientId} AND notified_at IS NOT NULL"));
    }

    [Fact]
    public async Task EmailOffSendsNothing()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");
        await SetModeAsync(Demo.Client, "Off");

        await factory.SendAsync(Demo.Staff, kickoff, "You will not hear about this by email");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.DispatchAsync();

        Assert.Empty(factory.MailSince(mark, Demo.Client));
    }

    [Fact]
    public async Task TheHourlyCapHoldsTheRestForLaterAndNothingIsLost()
    {
        var mark = await factory.FreshStartAsync();
        var clientId = await factory.Database.MemberIdAsync(Demo.Client);
        for (var i = 0; i < NotificationFactory.MaxPerHour + 2; i++)
        {
            await factory.Database.ExecuteAsync($"""
                INSERT INTO email_outbox (workspace_id, recipient_member_id, kind, status, urgent, due_at, attempts, subject, body, created_at)
                SELECT workspace_id, id, 'Notice', 'Pending', false, '{factory.Clock.GetUtcNow():O}', 0, 'Notice {i}', 'Body {i}', now() FROM members WHERE id = {clientId}
                """);
        }

        await factory.DispatchAsync();
        Assert.Equal(NotificationFactory.MaxPerHour, factory.MailSince(mark, Demo.Client).Count);

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        await factory.DispatchAsync();
        var all = factory.MailSince(mark, Demo.Client);
        Assert.Equal(NotificationFactory.MaxPerHour + 2, all.Count);
        Assert.Equal(all.Count, all.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task WhileTheMailServerIsDownMailWaitsWithBackoffAndIsDeliveredExactlyOnceWhenItIsBack()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");
        var timeline = await ConversationAsync("Launch timeline");
        factory.Mail.Stop();
        try
        {
            await factory.SendAsync(Demo.Staff, kickoff, "Sent while SMTP is down (1)");
            await factory.SendAsync(Demo.Staff, timeline, "Sent while SMTP is down (2)");
            factory.Clock.Advance(PastGrace);
            await factory.DispatchAsync();

            Assert.True(2L == await factory.Database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE kind = 'Messages' AND status = 'Pending' AND attempts = 1 AND last_error IS NOT NULL"), await factory.Database.DumpAsync());
            // The app keeps working: pages answer and messages are stored.
            using var client = await factory.SignInAsync(Demo.Client2);
            await client.GetPageAsync("/portal/messages");
            await factory.SendAsync(Demo.Client2, await ConversationAsync("Shipping samples"), "Client writes elsewhere meanwhile");

            // Backoff: nothing is retried at once, a second failure waits longer.
            await factory.DispatchAsync();
            Assert.Equal(2L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE kind = 'Messages' AND status = 'Pending' AND attempts = 1"));
            factory.Clock.Advance(TimeSpan.FromSeconds(31));
            await factory.DispatchAsync();
            Assert.Equal(2L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE kind = 'Messages' AND status = 'Pending' AND attempts = 2"));
        }
        finally
        {
            factory.Mail.Start();
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await factory.DispatchAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await factory.DispatchAsync();

        var toClient = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Contains("Sent while SMTP is down (1)", toClient.Text, StringComparison.Ordinal);
        var toClient2 = Assert.Single(factory.MailSince(mark, Demo.Client2));
        Assert.Contains("Sent while SMTP is down (2)", toClient2.Text, StringComparison.Ordinal);
        var ids = factory.Mail.All().Skip(mark).Select(m => m.Header("Message-ID")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task AClaimLeftByACrashedDispatcherIsTakenOverAndResentWithTheSameMessageId()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");
        await factory.SendAsync(Demo.Staff, kickoff, "Crash test");
        var claimedAt = factory.Clock.GetUtcNow().AddMinutes(6).ToString("O", CultureInfo.InvariantCulture);
        await factory.Database.ExecuteAsync($"UPDATE email_outbox SET status = 'Sending', claimed_at = '{claimedAt}' WHERE status = 'Pending' AND conversation_id = {kickoff}");
        factory.Clock.Advance(PastGrace);

        await factory.DispatchAsync();
        Assert.Empty(factory.MailSince(mark, Demo.Client));

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.DispatchAsync();
        await factory.DispatchAsync();
        var mail = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Contains("Crash test", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffGetOneDailyActivityDigest()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await ConversationAsync("Spring campaign kickoff");
        await factory.SendAsync(Demo.Client, kickoff, "Activity for the digest");
        var now = factory.Clock.GetUtcNow();
        var nextNine = new DateTimeOffset(now.Year, now.Month, now.Day, 9, 0, 0, TimeSpan.Zero);
        factory.Clock.Advance((nextNine > now ? nextNine : nextNine.AddDays(1)) - now);
        await factory.DispatchAsync();
        await factory.DispatchAsync();

        var digest = Assert.Single(factory.DigestsSince(mark, Demo.Manager));
        Assert.Contains("Spring campaign kickoff", digest.Text, StringComparison.Ordinal);
        Assert.Contains("from clients", digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAssigneeIsEmailedTheAssignmentAndThenAlertedForTheClientsMessages()
    {
        var mark = await factory.FreshStartAsync();
        var timeline = await ConversationAsync("Launch timeline"); // Mia is neither in it nor on its project's team
        var before = await factory.Database.ScalarAsync<long>($"SELECT coalesce(assigned_member_id, 0) FROM conversations WHERE id = {timeline}");
        await factory.SendAsync(Demo.Client2, timeline, "Before anyone is assigned");
        factory.Clock.Advance(PastGrace);
        await factory.DispatchAsync();
        Assert.Empty(factory.MailSince(mark, Demo.Manager));

        try
        {
            using var admin = await factory.SignInAsync(Demo.Admin);
            var mia = await factory.Database.MemberIdAsync(Demo.Manager);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await Inbox.InboxPosts.AssignAsync(admin, timeline, mia)).StatusCode);
            await factory.DispatchAsync();
            var assigned = Assert.Single(factory.MailSince(mark, Demo.Manager));
            Assert.Equal("Assigned to you: “Launch timeline”", assigned.Subject);
            Assert.Contains($"/staff/messages/{timeline}", assigned.Text, StringComparison.Ordinal);

            await factory.SendAsync(Demo.Client2, timeline, "Now that Mia has it");
            factory.Clock.Advance(PastGrace);
            await factory.DispatchAsync();
            var alert = Assert.Single(factory.MailSince(mark, Demo.Manager).Skip(1));
            Assert.Contains("Now that Mia has it", alert.Text, StringComparison.Ordinal);
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE conversations SET assigned_member_id = {(before == 0 ? "NULL" : before.ToString(CultureInfo.InvariantCulture))} WHERE id = {timeline}");
        }
    }
}
