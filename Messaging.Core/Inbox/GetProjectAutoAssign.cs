using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Conversation = Messaging.Core.Conversations.Conversation;

namespace Messaging.Core.Inbox;

/// <summary>Whether a project assigns new client conversations automatically (for the project page; Managers and Admins).</summary>
public sealed class GetProjectAutoAssign(MessagingDbContext db)
{
    public async Task<bool> HandleAsync(CurrentMember me, long projectId, CancellationToken ct) =>
        await ProjectAdministration.FindAsync(db, me, projectId, ct) is { AutoAssign: true };
}
