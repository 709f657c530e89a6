using System.Globalization;
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
                connection.Notification += (_, e) =>
                {
                    if (notices.TryAccept(e.Payload))
                    {
                        return;
                    }

                    if (e.Payload.StartsWith(LiveAccess.RevokePrefix, StringComparison.Ordinal))
                    {
                        if (long.TryParse(e.Payload.AsSpan(LiveAccess.RevokePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var memberId))
                        {
                            hub.Disconnect(memberId);
                        }

                        return;
                    }

                    foreach (var part in e.Payload.Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                        {
                            ids.Writer.TryWrite(id);
                        }
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {LiveEventNotifier.Channel}", connection))
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

    private async Task CatchUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var load = scope.ServiceProvider.GetRequiredService<LoadEventForFanOut>();
        if (highestSeen < 0)
        {
            // First start: nothing before now needs fanning out; streams replay for themselves.
            highestSeen = await scope.ServiceProvider.GetRequiredService<ReplayEvents>().LatestIdAsync(ct);
            return;
        }

        foreach (var id in await load.IdsAfterAsync(highestSeen, ct))
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
                var loaded = await scope.ServiceProvider.GetRequiredService<LoadEventForFanOut>().HandleAsync(id, ct);
                if (loaded is { } e)
                {
                    hub.Publish(e.WorkspaceId, e.Audience, e.Event);
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
