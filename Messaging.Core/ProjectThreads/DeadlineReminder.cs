namespace Messaging.Core.ProjectThreads;

/// <summary>
/// A deadline reminder that went out: an item's "due soon" or "overdue" for the due date it had then. Its unique key
/// (item kind, item, kind, due date) is what makes <see cref="SendDeadlineReminders"/> send each once, on any node.
/// </summary>
public sealed class DeadlineReminder
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    /// <summary>"Deliverable" (a checklist item) or "Milestone".</summary>
    public string ItemKind { get; set; } = "";

    public long ItemId { get; set; }

    /// <summary>"DueSoon" or "Overdue".</summary>
    public string Kind { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
