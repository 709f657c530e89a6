using System.Text.Json;
using System.Threading.Channels;
using Messaging.Core.Access;
using Messaging.Core.ConversationState;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Web.Live;

/// <summary>
/// Fans the ephemeral notices of the live-event channel out to this node's streams: typing
/// (<c>typing-{conversation}</c>, to those who may see the conversation, or only staff for the note
/// form), read pointers that moved (<c>read-{conversation}</c>: receipts refresh) and presence
/// (<c>presence</c>, to those who can see a conversation the member is in; the page then asks who is
/// online through an access-checked handler). Also announces this node's presence changes and, periodically, its full online list.
/// None of it is stored or replayed.
/// </summary>
public sealed class LiveNoticeFanOut(
    IServiceScopeFactory scopes,
    EventHub hub,
    PresenceTracker presence,
    ILogger<LiveNoticeFanOut> logger) : BackgroundService
{
    private readonly Channel<string> incoming = Channel.CreateBounded<string>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Called by the channel listener for every payload; takes the ones that are ephemeral notices.</summary>
    public bool TryAccept(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.StartsWith(LiveNotices.TypingPrefix, StringComparison.Ordinal)
            && !payload.StartsWith(LiveNotices.ReadPrefix, StringComparison.Ordinal)
            && !payload.StartsWith(PresenceTracker.ChangePrefix, StringComparison.Ordinal)
            && !payload.StartsWith(PresenceTracker.SyncPrefix, StringComparison.Ordinal)
            && !payload.StartsWith(Core.Inbox.WorkingNotices.Prefix, StringComparison.Ordinal))
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
                logger.LogWarning(ex, "Could not fan out live notice {Payload}", payload);
            }
        }
    }

    private async Task HandleAsync(string payload, CancellationToken ct)
    {
        var changed = presence.Apply(payload);
        if (changed.Count > 0)
        {
            await PublishPresenceAsync(changed, ct);
            return;
        }

        if (Core.Inbox.WorkingNotices.TryParse(payload, out var working))
        {
            // "Alex is viewing / replying": to the other staff who can see the conversation, never to clients.
            await PublishWorkingAsync(working, ct);
            return;
        }

        if (LiveNotices.TryParseTyping(payload, out var typing))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            var typist = await db.Members.AsNoTracking().Where(m => m.Id == typing.MemberId)
                .Select(m => new { m.WorkspaceId, m.DisplayName }).SingleOrDefaultAsync(ct);
            if (typist is null)
            {
                return;
            }

            var audience = (await ConversationAccess.AudienceAsync(
                db, typing.ConversationId, typing.StaffOnly ? MessageVisibility.StaffOnly : MessageVisibility.Everyone, ct)).ToHashSet();
            audience.Remove(typing.MemberId);
            var data = JsonSerializer.Serialize(new { conversationId = typing.ConversationId, memberId = typing.MemberId, name = typist.DisplayName });
            hub.Publish(typist.WorkspaceId, audience, LiveEventView.Ephemeral($"typing-{typing.ConversationId}", typing.ConversationId, data));
            return;
        }

        if (LiveNotices.TryParseRead(payload, out var conversationId, out var messageId))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            var workspace = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => (long?)c.WorkspaceId).SingleOrDefaultAsync(ct);
            if (workspace is { } workspaceId)
            {
                // A pointer that moved onto an internal note (staff wrote or read one) is staff business:
                // clients must not even learn that something happened in the thread.
                var visibility = await db.Messages.AsNoTracking().Where(m => m.Id == messageId)
                    .Select(m => (MessageVisibility?)m.Visibility).SingleOrDefaultAsync(ct) ?? MessageVisibility.Everyone;
                var audience = await ConversationAccess.AudienceAsync(db, conversationId, visibility, ct);
                hub.Publish(workspaceId, audience, LiveEventView.Ephemeral($"read-{conversationId}", conversationId, "{}"));
            }
        }
    }

    private async Task PublishWorkingAsync(Core.Inbox.WorkingNotice working, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var member = await db.Members.AsNoTracking().Where(m => m.Id == working.MemberId)
            .Select(m => new { m.WorkspaceId, m.DisplayName }).SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return;
        }

        var audience = (await ConversationAccess.AudienceAsync(db, working.ConversationId, MessageVisibility.StaffOnly, ct)).ToHashSet();
        audience.Remove(working.MemberId);
        var data = JsonSerializer.Serialize(new { memberId = working.MemberId, name = member.DisplayName, state = working.Replying ? "replying" : "viewing" });
        hub.Publish(member.WorkspaceId, audience, LiveEventView.Ephemeral($"working-{working.ConversationId}", working.ConversationId, data));
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
            hub.Publish(workspaceId, await audience.HandleAsync(workspaceId, memberId, ct), LiveEventView.Ephemeral("presence", 0, "{}"));
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
            await NotifyAsync(presence.SyncPayloads().ToList(), ct);
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

    private async Task NotifyAsync(List<string> payloads, CancellationToken ct)
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
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({LiveEventNotifier.Channel}, {payload})", ct);
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
