using Messaging.Core.Common.Events;

namespace Messaging.Core.ProjectThreads;

/// <summary>
/// A deadline reminder was posted in a project's threads (<see cref="SendDeadlineReminders"/>); saved, not yet
/// committed. <paramref name="People"/> maps each active member of those threads to the thread their email links to.
/// </summary>
public sealed record DeadlineReminderPosted(long ReminderId, long WorkspaceId, string ProjectName, string Text, IReadOnlyDictionary<long, long> People) : IDomainEvent;
