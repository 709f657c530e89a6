using System.Threading.Channels;
using Messaging.Core.Data;
using Messaging.Core.Live;

namespace Messaging.Web.Live;

/// <summary>
/// Fans the ephemeral notices of the live-event channel out to this node's streams: typing, read pointers that
/// moved, "viewing / replying" and presence. Who receives each is Core's to say (<see cref="TypingAudience"/>,
/// <see cref="ReadMovedAudience"/>, <see cref="WorkingAudience"/>, <see cref="PresenceAudience"/>); this class only
/// queues, asks and publishes. Also announces this node's presence changes and, periodically, its full online list.
/// None of it is stored or replayed.
/// </summary>
public sealed class LiveNoticeFanOut(
    IServiceScopeFactory scopes,
    EventHub hub,
    PresenceTracker presence,
    ILogger<LiveNoticeFanOut> logger) : BackgroundService
{
    private readonly Channel<LivePayload> incoming = Channel.CreateBounded<LivePayload>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Called by the channel listener for every payload; takes the ones that are ephemeral notices.</summary>
    public bool TryAccept(LivePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload is not (LivePayload.Typing or LivePayload.ReadMoved or LivePayload.Working
            or LivePayload.PresenceChanged or LivePayload.PresenceSync))
        {
            return false;
        }

        incoming.Writer.TryWrite(payload);
        return true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FanOutAsync(stoppingToken), AnnounceChangesAsync(stoppingToken), SyncAsync(stoppingToken));

    private async Task FanOutAsync(CancellationToken ct)
    {
        await foreach (var payload in incoming.Reader.ReadAllAsync(ct))
        {
            try
            {
                await HandleAsync(payload, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One notice that fails must not stop the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not fan out live notice {Payload}", payload.Format());
            }
        }
    }

    private async Task HandleAsync(LivePayload payload, CancellationToken ct)
    {
        if (payload is LivePayload.PresenceChanged or LivePayload.PresenceSync)
        {
            await PublishPresenceAsync(presence.Apply(payload), ct);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var delivery = payload switch
        {
            LivePayload.Typing typing => await services.GetRequiredService<TypingAudience>().HandleAsync(typing, ct),
            LivePayload.ReadMoved read => await services.GetRequiredService<ReadMovedAudience>().HandleAsync(read, ct),
            LivePayload.Working working => await services.GetRequiredService<WorkingAudience>().HandleAsync(working, ct),
            _ => null,
        };
        Publish(delivery);
    }

    /// <summary>"Presence changed" to those who can see a conversation the member is in; their pages ask who is online.</summary>
    private async Task PublishPresenceAsync(IReadOnlyList<(long WorkspaceId, long MemberId)> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var audience = scope.ServiceProvider.GetRequiredService<PresenceAudience>();
        foreach (var (workspaceId, memberId) in changed)
        {
            Publish(await audience.HandleAsync(workspaceId, memberId, ct));
        }
    }

    private void Publish(LiveDelivery? delivery)
    {
        if (delivery is not null)
        {
            hub.Publish(delivery.WorkspaceId, delivery.Audience, delivery.Event);
        }
    }

    private async Task AnnounceChangesAsync(CancellationToken ct)
    {
        await foreach (var payload in presence.LocalChanges.Reader.ReadAllAsync(ct))
        {
            await NotifyAsync([payload], ct);
        }
    }

    private async Task SyncAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PresenceTracker.SyncInterval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            await NotifyAsync(presence.SyncPayloads().ToList<LivePayload>(), ct);
            try
            {
                await PublishPresenceAsync(presence.Expire(), ct);
            }
#pragma warning disable CA1031 // Presence is best effort; the next change or sync repairs it.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not publish expired presence");
            }
        }
    }

    private async Task NotifyAsync(List<LivePayload> payloads, CancellationToken ct)
    {
        if (payloads.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            foreach (var payload in payloads)
            {
                await LiveChannel.NotifyAsync(db, payload, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // shutting down
        }
#pragma warning disable CA1031 // Presence is best effort: a lost announcement is repaired by the next sync.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not announce presence");
        }
    }
}
