using System.Globalization;
using Messaging.Core.Live;
using Messaging.Tests.Infrastructure;
using Npgsql;

namespace Messaging.Tests.Live;

/// <summary>
/// Issue 18, "no gap, no loss on reconnect": a stream that comes back with the browser's Last-Event-ID gets every
/// event it missed, however many, and an event that committed out of id order, once.
/// </summary>
public sealed class ReconnectTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static string Str(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static long? EventId(SseEvent e) =>
        e.Type.StartsWith("conversation-", StringComparison.Ordinal) ? long.Parse(e.Id!, CultureInfo.InvariantCulture) : null;

    /// <summary>The events a stream carries for <paramref name="duration"/>, and the last SSE id it carried (what the browser resumes from).</summary>
    private static async Task<(List<long> Ids, string? LastId)> DrainAsync(SseReader stream, TimeSpan duration, string? lastId = null)
    {
        var ids = new List<long>();
        var deadline = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < deadline && await stream.NextAsync(deadline - DateTime.UtcNow) is { } e)
        {
            lastId = e.Id ?? lastId;
            if (EventId(e) is { } id)
            {
                ids.Add(id);
            }
        }

        return (ids, lastId);
    }

    [Fact]
    public async Task AStreamAwayWhileManyEventsCommittedGetsEveryOneOfThemOnce()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        string lastId;
        await using (var first = await SseReader.OpenAsync(admin.Http, "/events"))
        {
            lastId = (await first.WaitForAsync(e => e.Type == "ready", Wait))!.Id!;
        }

        // 650 events commit while the stream is away (one statement, one NOTIFY each, as 650 sends would).
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            $"""
            WITH e AS (
                INSERT INTO live_events (workspace_id, conversation_id, kind, visibility, actor_member_id, created_at)
                SELECT c.workspace_id, c.id, 'message', 'Everyone', (SELECT min(p.member_id) FROM conversation_participants p WHERE p.conversation_id = c.id), now()
                FROM conversations c, generate_series(1, 650) WHERE c.id = @conversation
                RETURNING id)
            SELECT array_agg(id ORDER BY id) FROM (SELECT id, pg_notify('{LiveEventNotifier.Channel}', id::text) FROM e) n
            """, connection);
        insert.Parameters.AddWithValue("conversation", id);
        var committed = (long[])(await insert.ExecuteScalarAsync())!;

        await using var stream = await SseReader.OpenAsync(admin.Http, "/events", lastEventId: lastId);
        var (received, _) = await DrainAsync(stream, TimeSpan.FromSeconds(8));

        Assert.Equal(committed, received.Where(committed.Contains).Order());
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    [Fact]
    public async Task AnEventCommittedOutOfOrderWhileTheStreamWasAwayIsDeliveredAtReconnect()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await using var stream = await SseReader.OpenAsync(client.Http, "/events");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));

        // Two sends at the same moment: the first takes its event id first and commits last.
        await using var first = new NpgsqlConnection(factory.Database.ConnectionString);
        await first.OpenAsync();
        await using var slow = await first.BeginTransactionAsync();
        var earlier = await LiveEventRows.AddAsync(first, id, slow);
        await using var second = new NpgsqlConnection(factory.Database.ConnectionString);
        await second.OpenAsync();
        var later = await LiveEventRows.AddAsync(second, id);

        // The stream gets the later one, then goes away before the earlier one commits.
        var (before, lastId) = await DrainAsync(stream, TimeSpan.FromSeconds(3));
        Assert.Contains(later, before);
        await stream.DisposeAsync();
        await slow.CommitAsync();

        await using var again = await SseReader.OpenAsync(client.Http, "/events", lastEventId: lastId);
        var (after, _) = await DrainAsync(again, TimeSpan.FromSeconds(3));

        Assert.Contains(earlier, after);
        Assert.DoesNotContain(later, after);
    }

    [Fact]
    public async Task AStreamThatGotTheEventsInCommitOrderIsNotSentTheNewerOneAgainAtReconnect()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await using var stream = await SseReader.OpenAsync(client.Http, "/events");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));
        await using var first = new NpgsqlConnection(factory.Database.ConnectionString);
        await first.OpenAsync();
        await using var slow = await first.BeginTransactionAsync();
        var earlier = await LiveEventRows.AddAsync(first, id, slow);
        await using var second = new NpgsqlConnection(factory.Database.ConnectionString);
        await second.OpenAsync();
        var later = await LiveEventRows.AddAsync(second, id);
        Assert.NotNull(await stream.WaitForAsync(e => EventId(e) == later, Wait));
        await slow.CommitAsync();

        // The earlier one arrives live, after the later one: the browser's last id is then not the newest it has.
        Assert.NotNull(await stream.WaitForAsync(e => EventId(e) == earlier, Wait));
        var (_, lastId) = await DrainAsync(stream, TimeSpan.FromSeconds(3), Str(earlier));
        await stream.DisposeAsync();

        await using var again = await SseReader.OpenAsync(client.Http, "/events", lastEventId: lastId);
        var (after, _) = await DrainAsync(again, TimeSpan.FromSeconds(3));

        Assert.DoesNotContain(later, after);
        Assert.DoesNotContain(earlier, after);
    }
}
