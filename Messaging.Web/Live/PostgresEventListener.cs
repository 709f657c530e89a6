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
    private long highestSeen = -1;

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
        if (highestSeen < 0)
        {
            // First start: nothing before now needs fanning out; streams replay for themselves.
            highestSeen = await events.LatestIdAsync(ct);
            return;
        }

        foreach (var id in await events.IdsAfterAsync(highestSeen, ct))
        {
            ids.Writer.TryWrite(id);
        }
    }

    private async Task DispatchAsync(CancellationToken ct)
    {
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

            highestSeen = Math.Max(highestSeen, id);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var delivery = await scope.ServiceProvider.GetRequiredService<EventAudience>().HandleAsync(id, ct);
                if (delivery is not null)
                {
                    hub.Publish(delivery.WorkspaceId, delivery.Audience, delivery.Event);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One event that fails to load must not stop the fan-out of the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not fan out event {EventId}", id);
            }
        }
    }
}
