using Messaging.Core.Access;
using Messaging.Core.Common.Events;

namespace Messaging.Core.Projects;

/// <summary>A project moved from <paramref name="From"/> to its current stage; saved, not yet committed.</summary>
public sealed record ProjectStageChanged(Project Project, ProjectStage From, CurrentMember ChangedBy) : IDomainEvent;

/// <summary>A client contact's state on a project changed from <paramref name="From"/> to <paramref name="To"/>; saved, not yet committed.</summary>
public sealed record ProjectContactChanged(Project Project, ProjectMember Contact, ContactState From, ContactState To, CurrentMember ChangedBy) : IDomainEvent;
