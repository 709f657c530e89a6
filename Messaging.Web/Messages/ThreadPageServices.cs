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
/// </summary>
public sealed class ThreadPageServices(
    CurrentMemberAccessor accessor,
    GetThread getThread,
    ListNewerMessages newer,
    MarkThreadRead markRead,
    SendMessage send,
    MessageUploadReader uploads,
    CanSeeConversation canSee,
    GetReadReceipts receipts,
    GetMyConversationState myState,
    ListConversationPeople people,
    PresenceTracker presence,
    ListScheduledMessages scheduled,
    ScheduleMessage schedule,
    EditScheduledMessage editScheduled,
    CancelScheduledMessage cancelScheduled)
{
    public CurrentMemberAccessor Accessor { get; } = accessor;

    public GetThread GetThread { get; } = getThread;

    public ListNewerMessages Newer { get; } = newer;

    public MarkThreadRead MarkRead { get; } = markRead;

    public SendMessage Send { get; } = send;

    public MessageUploadReader Uploads { get; } = uploads;

    public CanSeeConversation CanSee { get; } = canSee;

    public GetReadReceipts Receipts { get; } = receipts;

    public GetMyConversationState MyState { get; } = myState;

    public ListConversationPeople People { get; } = people;

    public PresenceTracker Presence { get; } = presence;

    public ListScheduledMessages Scheduled { get; } = scheduled;

    public ScheduleMessage Schedule { get; } = schedule;

    public EditScheduledMessage EditScheduled { get; } = editScheduled;

    public CancelScheduledMessage CancelScheduled { get; } = cancelScheduled;
}
