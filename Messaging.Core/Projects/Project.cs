namespace Messaging.Core.Projects;

public enum ProjectStage
{
    Lead,
    Active,
    OnHold,
    Closed,
}

public enum ProjectRelation
{
    /// <summary>A client contact of the project.</summary>
    Contact,

    /// <summary>A team member assigned to the project.</summary>
    Team,
}

/// <summary>
/// Where a client contact stands on a project. Staff invite; the client accepts in the portal (or staff mark it);
/// only accepted contacts are messaged about the project. Team members are always <see cref="Accepted"/>.
/// </summary>
public enum ContactState
{
    Invited,
    Accepted,
    Removed,
}

/// <summary>Where the project's payment stands, as staff set it (shown to its clients in the thread's panel).</summary>
public enum PaymentState
{
    NotInvoiced,
    Invoiced,
    PartiallyPaid,
    Paid,
}

/// <summary>A campaign or job that clients and staff talk about.</summary>
public sealed class Project
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public required string Name { get; set; }

    public ProjectStage Stage { get; set; } = ProjectStage.Active;

    /// <summary>New client conversations are assigned to the project's team in turn (issue 9, off by default).</summary>
    public bool AutoAssign { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Each accepted contact gets a project thread of their own instead of joining the one shared thread.</summary>
    public bool ThreadPerContact { get; set; }

    /// <summary>The shared project thread, created once when the project first becomes Active.</summary>
    public long? ThreadConversationId { get; set; }

    /// <summary>When the project's threads were created (its first move to Active); set once, so they are never created twice.</summary>
    public DateTimeOffset? ThreadsCreatedAt { get; set; }

    /// <summary>What the project is about, as its clients and team read it in the thread's panel (plain text).</summary>
    public string Brief { get; set; } = string.Empty;

    public DateOnly? StartsOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public PaymentState PaymentState { get; set; }

    public List<ProjectMember> Members { get; set; } = [];
}
