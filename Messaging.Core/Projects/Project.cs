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

    public List<ProjectMember> Members { get; set; } = [];
}
