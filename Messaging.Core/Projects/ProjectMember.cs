namespace Messaging.Core.Projects;

public sealed class ProjectMember
{
    public long ProjectId { get; set; }

    public long MemberId { get; set; }

    public Access.Member? Member { get; set; }

    public ProjectRelation Relation { get; set; }

    /// <summary>For a contact: invited, accepted or removed. Team members are always accepted.</summary>
    public ContactState State { get; set; } = ContactState.Accepted;

    /// <summary>The contact's own project thread, when the project gives each contact one (or staff started one from the project page).</summary>
    public long? ThreadConversationId { get; set; }
}
