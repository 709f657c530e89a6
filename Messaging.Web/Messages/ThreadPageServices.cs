using Messaging.Core.Conversations;
using Messaging.Core.ConversationState;
using Messaging.Core.Messages;
using Messaging.Core.Scheduling;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Messaging.Web.Live;

namespace Messaging.Web.Messages;

/// <summary>
/// The use cases the thread page calls, injected as one so the portal and staff pages (and what later features add
/// to the thread) keep short constructors: <c>ThreadModel(ThreadPageServices thread, ...) : ThreadPageModel(thread)</c>.
/// Each is built on first use (<see cref="DeferredService{T}"/>): a reply POST builds the upload reader and
/// <see cref="SendMessage"/> (and the page's reads only when it shows the page again), a live fragment only its read.
/// </summary>
public sealed class ThreadPageServices(
    CurrentMemberAccessor accessor,
    Lazy<GetThread> getThread,
    Lazy<ListNewerMessages> newer,
    Lazy<MarkThreadRead> markRead,
    Lazy<SendMessage> send,
    Lazy<MessageUploadReader> uploads,
    Lazy<CanSeeConversation> canSee,
    Lazy<GetReadReceipts> receipts,
    Lazy<GetMyConversationState> myState,
    Lazy<ListConversationPeople> people,
    PresenceTracker presence,
    Lazy<ListScheduledMessages> scheduled,
    Lazy<ScheduleMessage> schedule,
    Lazy<EditScheduledMessage> editScheduled,
    Lazy<CancelScheduledMessage> cancelScheduled)
{
    public CurrentMemberAccessor Accessor { get; } = accessor;

    public GetThread GetThread => getThread.Value;

    public ListNewerMessages Newer => newer.Value;

    public MarkThreadRead MarkRead => markRead.Value;

    public SendMessage Send => send.Value;

    public MessageUploadReader Uploads => uploads.Value;

    public CanSeeConversation CanSee => canSee.Value;

    public GetReadReceipts Receipts => receipts.Value;

    public GetMyConversationState MyState => myState.Value;

    public ListConversationPeople People => people.Value;

    public PresenceTracker Presence { get; } = presence;

    public ListScheduledMessages Scheduled => scheduled.Value;

    public ScheduleMessage Schedule => schedule.Value;

    public EditScheduledMessage EditScheduled => editScheduled.Value;

    public CancelScheduledMessage CancelScheduled => cancelScheduled.Value;
}
