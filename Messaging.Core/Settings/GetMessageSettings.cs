using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>Reads a workspace's message settings.</summary>
public sealed class GetMessageSettings(MessagingDbContext db)
{
    public async Task<MessageSettings> HandleAsync(long workspaceId, CancellationToken ct) =>
        await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => new MessageSettings(w.EditWindowMinutes, w.ReminderDaysBefore)).SingleOrDefaultAsync(ct)
        ?? new MessageSettings(Workspace.DefaultEditWindowMinutes);
}
