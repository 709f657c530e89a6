namespace Messaging.Core.Projects;

public sealed class ProjectMember
{
    public long ProjectId { get; set; }

    public long MemberId { get; set; }

    public Access.Member? Member { get; set; }

    public ProjectRelation Relation { get; set; }
}
