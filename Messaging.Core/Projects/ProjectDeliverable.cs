namespace Messaging.Core.Projects;

/// <summary>Where a checklist item stands.</summary>
public enum DeliverableState
{
    ToDo,
    InReview,
    Done,
}

/// <summary>An item of a project's deliverables checklist: what, by when, who owns it, and where it stands.</summary>
public sealed class ProjectDeliverable
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Title { get; set; }

    public DateOnly? DueOn { get; set; }

    public long? OwnerMemberId { get; set; }

    public Access.Member? Owner { get; set; }

    public DeliverableState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
