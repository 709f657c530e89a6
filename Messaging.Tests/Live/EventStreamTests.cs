using System.Globalization;
using Messaging.Tests.Infrastructure;
using Npgsql;

namespace Messaging.Tests.Live;

/// <summary>/events end to end: NOTIFY from the committing request, LISTEN fan-out, per-member audience, replay and heartbeat.</summary>
public sealed class EventStreamTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static Dictionary<string, string> Reply(string body) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    private static string Str(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task AParticipantReceivesTheMessageEventAndAnotherClientReceivesNothing()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var client2 = await factory.SignInAsync(Demo.Client2);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await using var clientStream = await SseReader.OpenAsync(client.Http, "/events");
        await using var otherStream = await SseReader.OpenAsync(client2.Http, "/events");
        Assert.NotNull(await clientStream.WaitForAsync(e => e.Type == "ready", Wait));
        Assert.NotNull(await otherStream.WaitForAsync(e => e.Type == "ready", Wait));

        await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("live hello"), htmx: true);

        var received = await clientStream.WaitForAsync(e => e.Type == $"conversation-{id}", Wait);
        Assert.NotNull(received);
        Assert.False(string.IsNullOrEmpty(received.Id));
        Assert.Contains($"\"conversationId\":{id}", received.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("live hello", received.Data, StringComparison.Ordinal); // ids only, never content

        // "presence" nudges ({}, no ids) follow the streams the tests open and close; they carry nothing about messages.
        Assert.Null(await otherStream.WaitForAsync(e => e.Type is not "heartbeat" and not "ready" and not "presence", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task InternalNotesProduceNoEventForClients()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await using var clientStream = await SseReader.OpenAsync(client.Http, "/events");
        await using var staffStream = await SseReader.OpenAsync(staff.Http, "/events");
        await clientStream.WaitForAsync(e => e.Type == "ready", Wait);
        await staffStream.WaitForAsync(e => e.Type == "ready", Wait);
        using var admin = await factory.SignInAsync(Demo.Admin);

        await admin.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Note", Reply("internal only"), htmx: true);

        Assert.NotNull(await staffStream.WaitForAsync(e => e.Type == $"conversation-{id}", Wait));
        // Loading the thread for its form token moves the admin's read pointer: that "read-" nudge is about the page view, not the note
        // (ReadReceiptTests.AnInternalNoteSendsClientsNoReadNudge checks the note itself sends none).
        Assert.Null(await clientStream.WaitForAsync(
            e => e.Type is not "heartbeat" and not "ready" and not "presence" && !e.Type.StartsWith("read-", StringComparison.Ordinal), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task AReconnectWithLastEventIdReplaysWhatWasMissed()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var lastSeen = await factory.Database.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM live_events");

        await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("missed while offline 1"), htmx: true);
        await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Note", Reply("missed note"), htmx: true);
        await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("missed while offline 2"), htmx: true);
        await using var stream = await SseReader.OpenAsync(client.Http, "/events", lastEventId: Str(lastSeen));

        var replayed = new List<SseEvent>();
        for (var e = await stream.NextAsync(Wait); e is not null && e.Type != "ready"; e = await stream.NextAsync(Wait))
        {
            replayed.Add(e);
        }

        var messageEvents = replayed.Where(e => e.Type == "message").ToList();
        Assert.Equal(2, messageEvents.Count); // the internal note is not replayed to a client
        Assert.True(long.Parse(messageEvents[0].Id!, CultureInfo.InvariantCulture) > lastSeen);
        Assert.True(long.Parse(messageEvents[1].Id!, CultureInfo.InvariantCulture) > long.Parse(messageEvents[0].Id!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnIdleStreamSendsHeartbeats()
    {
        using var client2 = await factory.SignInAsync(Demo.Client2);
        await using var stream = await SseReader.OpenAsync(client2.Http, "/events");

        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "heartbeat", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AStreamNarrowedToOneConversationCarriesOnlyThatConversation()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await using var stream = await SseReader.OpenAsync(client.Http, $"/events?conversationId={kickoff}");
        await stream.WaitForAsync(e => e.Type == "ready", Wait);

        await staff.PostFormAsync($"/staff/messages/{moodboard}", $"/staff/messages/{moodboard}?handler=Reply", Reply("other thread"), htmx: true);
        await staff.PostFormAsync($"/staff/messages/{kickoff}", $"/staff/messages/{kickoff}?handler=Reply", Reply("this thread"), htmx: true);

        var first = await stream.WaitForAsync(e => e.Type.StartsWith("conversation-", StringComparison.Ordinal), Wait);
        Assert.Equal($"conversation-{kickoff}", first?.Type);
    }

    [Fact]
    public async Task AnEventThatCommitsAfterANewerOneStillReachesAStreamOpenedBetweenThem()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        // Two sends at the same moment: the first takes its event id first and commits last.
        await using var first = new NpgsqlConnection(factory.Database.ConnectionString);
        await first.OpenAsync();
        await using var slow = await first.BeginTransactionAsync();
        var earlier = await LiveEventRows.AddAsync(first, id, slow);
        await using var second = new NpgsqlConnection(factory.Database.ConnectionString);
        await second.OpenAsync();
        var later = await LiveEventRows.AddAsync(second, id);
        Assert.True(earlier < later);

        // A page read the newest committed id (the later one) and opened its stream from there.
        await using var stream = await SseReader.OpenAsync(client.Http, "/events", lastEventId: Str(later));
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));
        await slow.CommitAsync();

        Assert.NotNull(await stream.WaitForAsync(e => e.Type == $"conversation-{id}" && e.Id == Str(earlier), Wait));
    }
}
