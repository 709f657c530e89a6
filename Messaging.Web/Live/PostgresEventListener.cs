using System.Threading.Channels;
using Messaging.Core.Live;
using Npgsql;

namespace Messaging.Web.Live;

/// <summary>
/// LISTENs on the PostgreSQL channel that committed events are announced on (by any node) and fans
/// each one out to this node's streams. After a lost connection it catches up from the table, so a
/// notification missed while reconnecting is still delivered.
/// </summary>
public sealed class PostgresEventListener(
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    EventHub hub,
    LiveNoticeFanOut notices,
    ILogger<PostgresEventListener> logger) : BackgroundService
{
    private readonly Channel<long> ids = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private bool started;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatch = DispatchAsync(stoppingToken);
        var connectionString = configuration.GetConnectionString("Messaging")!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Route(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveChannel.Name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await CatchUpAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The listener must survive any database outage and reconnect.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Event listener lost its connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        ids.Writer.TryComplete();
        await dispatch;
    }

    /// <summary>Stored events are loaded and fanned out here, revocations end streams, ephemeral notices go to <see cref="LiveNoticeFanOut"/>.</summary>
    private void Route(string text)
    {
        if (!LivePayload.TryParse(text, out var payload))
        {
            logger.LogDebug("Ignored a payload on the live-event channel that is none of its kinds: {Payload}", text);
            return;
        }

        switch (payload)
        {
            case LivePayload.EventsCommitted committed:
                foreach (var id in committed.EventIds)
                {
                    ids.Writer.TryWrite(id);
                }

                break;
            case LivePayload.AccessRevoked revoked:
                hub.Disconnect(revoked.MemberId);
                break;
            default:
                notices.TryAccept(payload);
                break;
        }
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<ReplayEvents>();
        if (!started)
        {
            // First start: nothing before now needs fanning out (streams replay for themselves), but ids below the
            // newest that are not in the table yet may still commit: the hub keeps them pending.
            var recent = await events.RecentIdsAsync(1000, ct);
            hub.Start(recent.Count > 0 ? recent[^1] : 0, recent);
            started = true;
            return;
        }

        // Everything not seen yet: above the highest id seen, and the pending ids below it.
        for (var after = hub.SeenUpTo(); ;)
        {
            var page = await events.IdsAfterAsync(after, ct);
            foreach (var id in page.Where(hub.IsUnseen))
            {
                ids.Writer.TryWrite(id);
            }

            if (page.Count == 0)
            {
                return;
            }

            after = page[^1];
        }
    }

    private async Task DispatchAsync(CancellationToken ct)
    {
        // The ids fanned out lately: a notification and a catch-up may bring the same id. (Not the horizon: an event
        // that commits after its pending window is still fanned out to the open streams.)
        var recent = new HashSet<long>();
        var order = new Queue<long>();
        await foreach (var id in ids.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (!recent.Add(id))
            {
                continue;
            }

            order.Enqueue(id);
            if (order.Count > 4096)
            {
                recent.Remove(order.Dequeue());
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var delivery = await scope.ServiceProvider.GetRequiredService<EventAudience>().HandleAsync(id, ct);
                hub.PublishStored(id, delivery);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One event that fails to load must not stop the fan-out of the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Left unseen: streams that reconnect within the pending window still replay it.
                logger.LogWarning(ex, "Could not fan out event {EventId}", id);
            }
        }
    }
}
