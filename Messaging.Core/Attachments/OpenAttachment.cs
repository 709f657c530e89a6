using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>A file about to be sent to the member: its bytes and what to send them as.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, long SizeBytes, string Sha256, Stream Content);

/// <summary>
/// Opens a file for download, or for an inline preview (raster images only), if the member may have it
/// (<see cref="AttachmentAccess"/>); anything else is not found. Every download and preview is written to
/// the audit log before the bytes leave.
/// </summary>
public sealed class OpenAttachment(MessagingDbContext db, IBlobStore store, AuditLog audit)
{
    public async Task<AttachmentDownload?> HandleAsync(CurrentMember me, long attachmentId, bool inlinePreview, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var file = await db.AvailableTo(me).AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.Id, a.FileName, a.Extension, a.ContentType, a.SizeBytes, a.Sha256, a.StorageKey, a.ConversationId, a.MessageId })
            .SingleOrDefaultAsync(ct);
        if (file is null || (inlinePreview && FileTypes.Find(file.Extension)?.IsInlineImage != true))
        {
            return null;
        }

        var content = await store.OpenReadAsync(file.StorageKey, ct);
        if (content is null)
        {
            return null;
        }

        audit.Record(me, AuditActions.FileDownload, "attachment", file.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{file.FileName} ({FileSize.Format(file.SizeBytes)}), message {file.MessageId} in conversation {file.ConversationId}{(inlinePreview ? ", inline preview" : "")}"));
        await db.SaveChangesAsync(ct);
        return new AttachmentDownload(file.FileName, file.ContentType, file.SizeBytes, file.Sha256, content);
    }
}
