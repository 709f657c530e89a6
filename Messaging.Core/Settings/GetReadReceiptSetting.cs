using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>Reads whether read receipts are on for a workspace.</summary>
public sealed class GetReadReceiptSetting(MessagingDbContext db)
{
    public Task<bool> HandleAsync(long workspaceId, CancellationToken ct) =>
        db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.ReadReceiptsEnabled).SingleOrDefaultAsync(ct);
}
