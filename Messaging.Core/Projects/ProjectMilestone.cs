namespace Messaging.Core.Projects;

/// <summary>A milestone of a project, with its progress (0-100 %); reached when it gets to 100.</summary>
public sealed class ProjectMilestone
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public required string Title { get; set; }

    public DateOnly? DueOn { get; set; }

    public int Progress { get; set; }

    public DateTimeOffset? ReachedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
