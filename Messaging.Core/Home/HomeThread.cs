namespace Messaging.Core.Home;

/// <summary>A conversation on a home widget: where it goes, what it is called, and the line under it.</summary>
public sealed record HomeThread(long ConversationId, string Subject, string? ProjectName, string Detail, DateTimeOffset At);

/// <summary>A checklist item or milestone with a deadline, and the thread of its project (null: none the member may open).</summary>
public sealed record HomeDeadline(string Title, bool IsMilestone, string ProjectName, DateOnly DueOn, bool IsOverdue, long? ConversationId);

/// <summary>Something waiting for a client's decision: a project invitation, or a checklist item ready for their review.</summary>
public sealed record HomeDecision(string Text, string ProjectName, long? ConversationId, bool IsInvitation);

/// <summary>A client's home: unread threads, upcoming (and overdue) deadlines of their projects, what awaits their decision.</summary>
public sealed record ClientHome(IReadOnlyList<HomeThread> Unread, IReadOnlyList<HomeDeadline> Deadlines, IReadOnlyList<HomeDecision> Decisions);

/// <summary>A staff member's home: client messages waiting for them, overdue items of their projects, new threads.</summary>
public sealed record StaffHome(IReadOnlyList<HomeThread> Waiting, IReadOnlyList<HomeDeadline> Overdue, IReadOnlyList<HomeThread> NewThreads);
