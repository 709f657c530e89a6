using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Live;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Messaging.Web.Live;

/// <summary>
/// <c>GET /events</c>: one Server-Sent Events stream per signed-in tab. Each event names a
/// conversation; pages react by fetching the fragment through their own access-checked handlers.
/// Every event is sent twice, as <c>message</c> (lists and badges) and as <c>conversation-{id}</c>
/// (that thread), with the same id. <c>?conversationId=</c> narrows the stream to one conversation.
/// </summary>
public static class EventStreamEndpoint
{
    /// <summary>Default 15 s; <c>Messaging:Live:HeartbeatSeconds</c> overrides it (tests use 1 s).</summary>
    public const int DefaultHeartbeatSeconds = 15;

    public static IEndpointRouteBuilder MapEventStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", HandleAsync).RequireAuthorization(Permissions.View);
        return app;
    }

    private static async Task<Results<ServerSentEventsResult<string>, NotFound>> HandleAsync(
        HttpContext http,
        CurrentMemberAccessor accessor,
        GetMessagesModule module,
        ReplayEvents replay,
        CanSeeConversation canSee,
        LoadCurrentMember load,
        EventHub hub,
        IConfiguration configuration,
        long? conversationId,
        long? lastEventId,
        CancellationToken ct)
    {
        var me = await accessor.GetAsync(ct);
        if (me is null || !await module.HandleAsync(me.WorkspaceId, ct))
        {
            return TypedResults.NotFound();
        }

        if (conversationId is { } only)
        {
            if (!await canSee.HandleAsync(me, only, ct))
            {
                return TypedResults.NotFound();
            }
        }

        var userId = Guid.Parse(http.User.FindFirstValue(ClaimTypes.NameIdentifier)!);

        // Checked at every heartbeat, in case a revocation notice was missed while the listener reconnected.
        async Task<bool> StillAllowedAsync(CancellationToken token)
        {
            var current = await load.HandleAsync(userId, token);
            return current is not null && current.MemberId == me.MemberId && current.Can(Permissions.View)
                && await module.HandleAsync(current.WorkspaceId, token)
                && (conversationId is null || await canSee.HandleAsync(current, conversationId.Value, token));
        }

        var after = ParseLastEventId(http.Request.Headers["Last-Event-ID"]) ?? lastEventId;
        var subscription = hub.Subscribe(me.MemberId, me.WorkspaceId);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var heartbeat = TimeSpan.FromSeconds(configuration.GetValue("Messaging:Live:HeartbeatSeconds", DefaultHeartbeatSeconds));
        return TypedResults.ServerSentEvents(StreamAsync(me, after, conversationId, subscription, replay, StillAllowedAsync, heartbeat, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        CurrentMember me,
        long? after,
        long? onlyConversation,
        EventHub.Subscription subscription,
        ReplayEvents replay,
        Func<CancellationToken, Task<bool>> stillAllowed,
        TimeSpan heartbeatInterval,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var _ = subscription;
        // The subscription opened before the replay was read, so an event committed in between comes both
        // ways: the replayed ids are not sent again. Every other event from the subscription goes out, even one
        // with a lower id than Last-Event-ID: ids are taken at insert and committed in any order, so a
        // transaction that took its id earlier may commit after the page read the newest id.
        var replayed = new HashSet<long>();
        if (after is not null)
        {
            foreach (var missed in await replay.HandleAsync(me, after.Value, ct))
            {
                replayed.Add(missed.Id);
                if (onlyConversation is null || missed.ConversationId == onlyConversation)
                {
                    foreach (var item in Items(missed))
                    {
                        yield return item;
                    }
                }
            }
        }

        yield return new SseItem<string>("{}", "ready") { ReconnectionInterval = TimeSpan.FromSeconds(2) };

        while (!ct.IsCancellationRequested)
        {
            LiveEventView? next = null;
            var completed = false;
            using (var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                heartbeat.CancelAfter(heartbeatInterval);
                try
                {
                    completed = !await subscription.Reader.WaitToReadAsync(heartbeat.Token);
                    if (!completed)
                    {
                        subscription.Reader.TryRead(out next);
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Heartbeat interval passed without an event.
                }
            }

            if (completed || ct.IsCancellationRequested)
            {
                yield break;
            }

            if (next is null)
            {
                if (!await stillAllowed(ct))
                {
                    yield break;
                }

                yield return new SseItem<string>("{}", "heartbeat");
                continue;
            }

            if (next.IsEphemeral)
            {
                // Typing, read and presence notices: sent once, without an id, so they never move Last-Event-ID.
                if (onlyConversation is null || next.ConversationId == 0 || next.ConversationId == onlyConversation)
                {
                    yield return new SseItem<string>(next.Data ?? "{}", next.Kind);
                }

                continue;
            }

            if (replayed.Contains(next.Id) || (onlyConversation is not null && next.ConversationId != onlyConversation))
            {
                continue;
            }

            foreach (var item in Items(next))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<SseItem<string>> Items(LiveEventView e)
    {
        var data = JsonSerializer.Serialize(new { id = e.Id, kind = e.Kind, conversationId = e.ConversationId, messageId = e.MessageId });
        var id = e.Id.ToString(CultureInfo.InvariantCulture);
        yield return new SseItem<string>(data, "message") { EventId = id };
        yield return new SseItem<string>(data, $"conversation-{e.ConversationId.ToString(CultureInfo.InvariantCulture)}") { EventId = id };
    }

    private static long? ParseLastEventId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
