using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

public sealed class GetInboxSettings(MessagingDbContext db)
{
    public Task<InboxSettings> HandleAsync(long workspaceId, CancellationToken ct) =>
        db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId)
            .Select(w => new InboxSettings(w.StaffReplySetsWaiting, w.OutOfOfficeEnabled, w.OutOfOfficeText)).SingleAsync(ct);
}
