using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>Reads a workspace's file limits (any member: the compose form shows them and checks them before uploading).</summary>
public sealed class GetFileSettings(MessagingDbContext db)
{
    public Task<FileSettings> HandleAsync(long workspaceId, CancellationToken ct) => LoadAsync(db, workspaceId, ct);

    internal static async Task<FileSettings> LoadAsync(MessagingDbContext db, long workspaceId, CancellationToken ct)
    {
        var row = await db.Workspaces.AsNoTracking()
            .Where(w => w.Id == workspaceId)
            .Select(w => new { w.MaxFileBytes, w.MaxMessageBytes, w.ProjectQuotaBytes, w.AllowedFileTypes, w.FileRetentionDays })
            .SingleAsync(ct);
        return new FileSettings(row.MaxFileBytes, row.MaxMessageBytes, row.ProjectQuotaBytes, FileSettings.ParseAllowed(row.AllowedFileTypes), row.FileRetentionDays);
    }
}
