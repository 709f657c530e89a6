using Messaging.Core.Access;
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

/// <summary>Switches the messages module on or off. Nothing is deleted either way.</summary>
public sealed class SetMessagesModule(MessagingDbContext db)
{
    public async Task<Result<bool>> HandleAsync(CurrentMember me, bool enabled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return Result<bool>.Forbidden("Only administrators can change company settings.");
        }

        await db.Workspaces.Where(w => w.Id == me.WorkspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.MessagesEnabled, enabled), ct);
        return Result<bool>.Ok(enabled);
    }
}
