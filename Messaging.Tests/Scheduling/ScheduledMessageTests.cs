using System.Globalization;
using System.Net;
using Messaging.Core.Scheduling;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Messaging.Tests.Scheduling;

/// <summary>The portal with a clock the tests move and the background dispatcher off: tests run <see cref="DispatchScheduledMessages"/> themselves.</summary>
public sealed class SchedulingFactory : PortalFactory
{
    /// <summary>Starts at the real time, so sign-in cookies stay valid; only <c>Advance</c> moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Scheduling:Enabled", "false");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>One dispatcher run: sends what is due, one scope per message, as the background service does.</summary>
    public async Task<int> DispatchAsync()
    {
        var sent = 0;
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<DispatchScheduledMessages>().HandleAsync(CancellationToken.None))
            {
                return sent;
            }

            sent++;
        }
    }
}

/// <summary>Scheduled send: validation, listing, edit and cancel, and the dispatcher's once-only sending.</summary>
public sealed class ScheduledMessageTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private string At(TimeSpan fromNow) =>
        factory.Clock.GetUtcNow().Add(fromNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private Dictionary<string, string> Schedule(string body, TimeSpan fromNow, Guid? key = null) => new()
    {
        ["Input.Body"] = body,
        ["Input.IdempotencyKey"] = (key ?? Guid.NewGuid()).ToString(),
        ["scheduleAt"] = At(fromNow),
        ["timeZoneOffset"] = "0",
    };

    private static string Str(long id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<long> ScheduledCountAsync(long conversation, string status = "Pending") =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM scheduled_messages WHERE conversation_id = {conversation} AND status = '{status}'");

    private Task<long> MessagesWithBodyAsync(string body) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE body = '{body.Replace("'", "''", StringComparison.Ordinal)}'");

    private async Task<long> ScheduleAsync(PortalClient client, string area, long conversation, string body, TimeSpan fromNow)
    {
        var response = await client.PostFormAsync($"/{area}/messages/{conversation}", $"/{area}/messages/{conversation}?handler=Schedule", Schedule(body, fromNow), htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await factory.Database.ScalarAsync<long>($"SELECT id FROM scheduled_messages WHERE body = '{body}'");
    }

    [Fact]
    public async Task ATimeInThePastGetsAClearMessageKeepsTheFormAndStoresNothing()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");

        var htmx = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Schedule", Schedule("Too late", TimeSpan.FromHours(-1)), htmx: true);
        var plain = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Schedule", Schedule("Too late", TimeSpan.FromMinutes(-2)));
        var noTime = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Schedule",
            new() { ["Input.Body"] = "When?", ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(), ["scheduleAt"] = "not a time" }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, htmx.StatusCode);
        var form = PortalClient.Parse(await htmx.Content.ReadAsStringAsync());
        Assert.Equal("That time is in the past. Choose a time in the future to schedule this message.", form.QuerySelector("[data-testid=schedule-error]")!.TextContent);
        Assert.Equal("Too late", form.QuerySelector("[data-testid=reply-body]")!.TextContent);
        Assert.Equal(At(TimeSpan.FromHours(-1)), form.QuerySelector("[data-testid=schedule-at]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, plain.StatusCode);
        var page = PortalClient.Parse(await plain.Content.ReadAsStringAsync());
        Assert.Contains("in the past", page.QuerySelector("[data-testid=schedule-error]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=message]"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTime.StatusCode);
        Assert.Contains("Choose the date and time", await noTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM scheduled_messages WHERE body IN ('Too late', 'When?')"));
    }

    [Fact]
    public async Task AScheduledMessageIsListedForItsAuthorOnlyAndSentWhenItsTimeComes()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var key = Guid.NewGuid();

        var response = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Schedule", Schedule("See you Monday", TimeSpan.FromMinutes(10), key), htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("scheduled-changed", response.Headers.GetValues("HX-Trigger"));
        var mine = PortalClient.Parse(await (await client.GetAsync($"/portal/messages/{id}?handler=Scheduled", htmx: true)).Content.ReadAsStringAsync());
        Assert.Equal("See you Monday", mine.QuerySelector("[data-testid=scheduled-body]")!.TextContent);
        var theirs = await staff.GetPageAsync($"/staff/messages/{id}");
        Assert.Empty(theirs.QuerySelectorAll("[data-testid=scheduled-message]"));
        Assert.DoesNotContain("See you Monday", theirs.Body!.InnerHtml, StringComparison.Ordinal);

        Assert.Equal(0, await factory.DispatchAsync());
        Assert.Equal(0L, await MessagesWithBodyAsync("See you Monday"));

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await factory.DispatchAsync());

        Assert.Equal(1L, await MessagesWithBodyAsync("See you Monday"));
        Assert.Equal(key, await factory.Database.ScalarAsync<Guid>("SELECT idempotency_key FROM messages WHERE body = 'See you Monday'"));
        Assert.Equal("Sent", await factory.Database.ScalarAsync<string>($"SELECT status FROM scheduled_messages WHERE idempotency_key = '{key}'"));
        var thread = await staff.GetPageAsync($"/staff/messages/{id}");
        Assert.Contains("See you Monday", thread.QuerySelectorAll("[data-testid=message-body]")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoDispatchersRunningAtOnceSendEveryDueMessageExactlyOnce()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Shipping samples");
        var bodies = Enumerable.Range(1, 8).Select(i => $"Batch message {i}").ToList();
        foreach (var body in bodies)
        {
            await ScheduleAsync(staff, "staff", id, body, TimeSpan.FromMinutes(1));
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var runs = await Task.WhenAll(Task.Run(factory.DispatchAsync), Task.Run(factory.DispatchAsync));

        Assert.Equal(bodies.Count, runs.Sum());
        foreach (var body in bodies)
        {
            Assert.Equal(1L, await MessagesWithBodyAsync(body));
        }

        Assert.Equal((long)bodies.Count, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM scheduled_messages WHERE conversation_id = {id} AND status = 'Sent' AND body LIKE 'Batch message %'"));
    }

    [Fact]
    public async Task AClaimLeftBehindByACrashedNodeIsTakenOverWithoutSendingTwice()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        var scheduled = await ScheduleAsync(client, "portal", id, "Survives a crash", TimeSpan.FromMinutes(1));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await factory.DispatchAsync());

        // The node sent it but died before recording so: the row is still claimed.
        await factory.Database.ExecuteAsync($"UPDATE scheduled_messages SET status = 'Sending', sent_message_id = NULL WHERE id = {scheduled}");
        Assert.Equal(0, await factory.DispatchAsync()); // a fresh claim is left alone
        factory.Clock.Advance(DispatchScheduledMessages.StaleClaimAfter + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await factory.DispatchAsync());

        Assert.Equal(1L, await MessagesWithBodyAsync("Survives a crash"));
        Assert.Equal("Sent", await factory.Database.ScalarAsync<string>($"SELECT status FROM scheduled_messages WHERE id = {scheduled}"));
        Assert.True(await factory.Database.ScalarAsync<bool>($"SELECT sent_message_id IS NOT NULL FROM scheduled_messages WHERE id = {scheduled}"));
    }

    [Fact]
    public async Task TheAuthorEditsTextAndTimeWhileItWaitsAndCancellingMeansItIsNeverSent()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var edited = await ScheduleAsync(client, "portal", id, "First draft", TimeSpan.FromMinutes(30));
        var cancelled = await ScheduleAsync(client, "portal", id, "Never mind", TimeSpan.FromMinutes(30));
        var url = $"/portal/messages/{id}";

        var past = await client.PostFormAsync(url, $"{url}?handler=EditScheduled",
            new() { ["scheduledId"] = Str(edited), ["body"] = "Typed edit", ["scheduleAt"] = At(TimeSpan.FromMinutes(-5)), ["timeZoneOffset"] = "0" }, htmx: true);
        var ok = await client.PostFormAsync(url, $"{url}?handler=EditScheduled",
            new() { ["scheduledId"] = Str(edited), ["body"] = "Final words", ["scheduleAt"] = At(TimeSpan.FromMinutes(5)), ["timeZoneOffset"] = "0" }, htmx: true);
        var cancel = await client.PostFormAsync(url, $"{url}?handler=CancelScheduled", new() { ["scheduledId"] = Str(cancelled) }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        var refused = PortalClient.Parse(await past.Content.ReadAsStringAsync());
        Assert.Contains("in the past", refused.QuerySelector("[data-testid=scheduled-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed edit", refused.QuerySelector($"[data-scheduled-id='{edited}'] [data-testid=scheduled-edit-body]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var list = PortalClient.Parse(await cancel.Content.ReadAsStringAsync());
        Assert.Equal(["Final words"], list.QuerySelectorAll("[data-testid=scheduled-body]").Select(b => b.TextContent));

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.DispatchAsync();

        Assert.Equal(1L, await MessagesWithBodyAsync("Final words"));
        Assert.Equal(0L, await MessagesWithBodyAsync("First draft"));
        Assert.Equal(0L, await MessagesWithBodyAsync("Never mind"));
        var late = await client.PostFormAsync(url, $"{url}?handler=CancelScheduled", new() { ["scheduledId"] = Str(edited) }, htmx: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
    }

    [Fact]
    public async Task SomeoneElsesScheduledMessageCannotBeSeenEditedOrCancelled()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var other = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var scheduled = await ScheduleAsync(client, "portal", id, "Private plan", TimeSpan.FromHours(2));

        var edit = await admin.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=EditScheduled",
            new() { ["scheduledId"] = Str(scheduled), ["body"] = "Hijacked", ["scheduleAt"] = At(TimeSpan.FromHours(1)) });
        var cancel = await admin.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=CancelScheduled", new() { ["scheduledId"] = Str(scheduled) });
        var wrongThread = await client.PostFormAsync($"/portal/messages/{other}", $"/portal/messages/{other}?handler=CancelScheduled", new() { ["scheduledId"] = Str(scheduled) });
        var adminList = await admin.GetAsync($"/staff/messages/{id}?handler=Scheduled", htmx: true);

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongThread.StatusCode);
        Assert.DoesNotContain("Private plan", await adminList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Private plan", await factory.Database.ScalarAsync<string>($"SELECT body FROM scheduled_messages WHERE id = {scheduled} AND status = 'Pending'"));
    }

    [Fact]
    public async Task ASendRefusedWhenItsTimeComesIsMarkedFailedWithTheReasonForTheAuthor()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Catalogue wrap-up");
        await factory.Database.ExecuteAsync($"UPDATE projects SET stage = 'Active' WHERE id = (SELECT project_id FROM conversations WHERE id = {id})");
        try
        {
            var scheduled = await ScheduleAsync(client, "portal", id, "Before it closes", TimeSpan.FromMinutes(1));
            await factory.Database.ExecuteAsync($"UPDATE projects SET stage = 'Closed' WHERE id = (SELECT project_id FROM conversations WHERE id = {id})");
            factory.Clock.Advance(TimeSpan.FromMinutes(2));

            Assert.Equal(1, await factory.DispatchAsync());

            Assert.Equal("Failed", await factory.Database.ScalarAsync<string>($"SELECT status FROM scheduled_messages WHERE id = {scheduled}"));
            Assert.Equal(0L, await MessagesWithBodyAsync("Before it closes"));
            var list = PortalClient.Parse(await (await client.GetAsync($"/portal/messages/{id}?handler=Scheduled", htmx: true)).Content.ReadAsStringAsync());
            Assert.StartsWith("Not sent:", list.QuerySelector("[data-testid=scheduled-failure]")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE projects SET stage = 'Closed' WHERE id = (SELECT project_id FROM conversations WHERE id = {id})");
        }
    }

    [Fact]
    public async Task WhileTheMessagesModuleIsOffScheduledMessagesWaitAndGoOutWhenItIsBackOn()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var scheduled = await ScheduleAsync(client, "portal", id, "After the pause", TimeSpan.FromMinutes(1));
        await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = false");
        try
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(0, await factory.DispatchAsync());
            Assert.Equal("Pending", await factory.Database.ScalarAsync<string>($"SELECT status FROM scheduled_messages WHERE id = {scheduled}"));
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = true");
        }

        Assert.Equal(1, await factory.DispatchAsync());
        Assert.Equal(1L, await MessagesWithBodyAsync("After the pause"));
    }

    [Fact]
    public async Task AMessageScheduledBeforeARestartIsSentByTheNodeThatStartsNext()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Shipping samples");
        var scheduled = await ScheduleAsync(client, "portal", id, "Sent after the restart", TimeSpan.FromMinutes(1));
        await factory.Database.ExecuteAsync($"UPDATE scheduled_messages SET send_at = now() - interval '1 second' WHERE id = {scheduled}");

        // A node with the real clock and its background dispatcher on, on the same database.
        await using var next = new SecondNodeFactory(factory.Database);
        await ((IAsyncLifetime)next).InitializeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await MessagesWithBodyAsync("Sent after the restart") == 0)
        {
            await Task.Delay(250);
        }

        Assert.Equal(1L, await MessagesWithBodyAsync("Sent after the restart"));
        Assert.Equal("Sent", await factory.Database.ScalarAsync<string>($"SELECT status FROM scheduled_messages WHERE id = {scheduled}"));
    }
}
