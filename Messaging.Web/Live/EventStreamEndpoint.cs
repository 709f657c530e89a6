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
        string? lastEventId,
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

        // The browser's Last-Event-ID (its automatic reconnect) wins over the query (the page's start, or site.js's resume).
        LiveCursor? from = LiveCursor.TryParse(http.Request.Headers["Last-Event-ID"], out var header) ? header
            : LiveCursor.TryParse(lastEventId, out var query) ? query : null;
        if (!await hub.WaitStartedAsync(TimeSpan.FromSeconds(10), ct))
        {
            return TypedResults.NotFound();
        }

        var subscription = hub.Subscribe(me.MemberId, me.WorkspaceId);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var heartbeat = TimeSpan.FromSeconds(configuration.GetValue("Messaging:Live:HeartbeatSeconds", DefaultHeartbeatSeconds));
        return TypedResults.ServerSentEvents(StreamAsync(me, from, conversationId, subscription, hub, replay, StillAllowedAsync, heartbeat, http.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        CurrentMember me,
        LiveCursor? from,
        long? onlyConversation,
        EventHub.Subscription subscription,
        EventHub hub,
        ReplayEvents replay,
        Func<CancellationToken, Task<bool>> stillAllowed,
        TimeSpan heartbeatInterval,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var _ = subscription;
        // The subscription opened before the replay was read, so an event committed in between comes both ways: the
        // replayed ids are not sent again. Every other event from the subscription goes out, even one with a lower id
        // than Last-Event-ID: ids are taken at insert and committed in any order. The cursor sent with a replayed event
        // claims no more than the node had fanned out when the stream subscribed: what is above that may still commit.
        var start = subscription.Start;
        var cursor = from ?? start;
        var sent = "";
        var replayed = new HashSet<long>();
        if (from is not null)
        {
            if (await replay.MoreThanAsync(me, from, ReplayEvents.MaxReplay, ct))
            {
                // Too many to refetch one by one: the page reloads its state and resumes from here.
                cursor = from.Resume(start, start.High);
                sent = cursor.Format();
                yield return new SseItem<string>("{}", "reload") { EventId = sent };
            }
            else
            {
                for (var page = await replay.HandleAsync(me, from, 0, ct); page.Count > 0;
                     page = await replay.HandleAsync(me, from, page[^1].Id, ct))
                {
                    foreach (var missed in page)
                    {
                        replayed.Add(missed.Id);
                        if (onlyConversation is null || missed.ConversationId == onlyConversation)
                        {
                            foreach (var item in Items(missed, from.Resume(start, Math.Min(missed.Id, start.High)), ref sent))
                            {
                                yield return item;
                            }
                        }
                    }
                }

                cursor = from.Resume(start, start.High);
            }
        }

        sent = cursor.Format();
        yield return new SseItem<string>("{}", "ready") { EventId = sent, ReconnectionInterval = TimeSpan.FromSeconds(2) };

        while (!ct.IsCancellationRequested)
        {
            EventHub.LiveItem? next = null;
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

                // The heartbeat moves the browser's cursor on too, so a quiet page resumes from now, not from its last event.
                var quiet = hub.QuietCursor(subscription);
                var beat = new SseItem<string>("{}", "heartbeat");
                if (quiet is not null)
                {
                    cursor = cursor.Resume(quiet, quiet.High);
                    sent = cursor.Format();
                    beat = beat with { EventId = sent };
                }

                yield return beat;
                continue;
            }

            var e = next.Event;
            if (e.IsEphemeral)
            {
                // Typing, read and presence notices: sent once, without an id, so they never move Last-Event-ID.
                if (onlyConversation is null || e.ConversationId == 0 || e.ConversationId == onlyConversation)
                {
                    yield return new SseItem<string>(e.Data ?? "{}", e.Kind);
                }

                continue;
            }

            if (next.Cursor is not null)
            {
                cursor = cursor.Resume(next.Cursor, next.Cursor.High);
            }

            if (replayed.Contains(e.Id) || (onlyConversation is not null && e.ConversationId != onlyConversation))
            {
                continue;
            }

            foreach (var item in Items(e, cursor, ref sent))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// The event as <c>message</c> and <c>conversation-{id}</c>, with its id; then, if the stream's cursor is not that
    /// id (an event below the high, or pending ids), a <c>cursor</c> event that sets the browser's Last-Event-ID to it.
    /// </summary>
    private static List<SseItem<string>> Items(LiveEventView e, LiveCursor cursor, ref string sent)
    {
        var data = JsonSerializer.Serialize(new { id = e.Id, kind = e.Kind, conversationId = e.ConversationId, messageId = e.MessageId });
        var id = e.Id.ToString(CultureInfo.InvariantCulture);
        var items = new List<SseItem<string>>
        {
            new(data, "message") { EventId = id },
            new(data, $"conversation-{e.ConversationId.ToString(CultureInfo.InvariantCulture)}") { EventId = id },
        };
        sent = cursor.Format();
        if (sent != id)
        {
            items.Add(new SseItem<string>("{}", "cursor") { EventId = sent });
        }

        return items;
    }
}
