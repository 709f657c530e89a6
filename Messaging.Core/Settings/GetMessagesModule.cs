using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>Reads whether the messages module is on for a workspace.</summary>
public sealed class GetMessagesModule(MessagingDbContext db)
{
    public Task<bool> HandleAsync(long workspaceId, CancellationToken ct) =>
        db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.MessagesEnabled).SingleOrDefaultAsync(ct);
}
