using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>
/// The server-made preview of a file (<see cref="AttachmentPreview"/>), if the member may have the file
/// (<see cref="AttachmentAccess"/>) and its preview is ready; otherwise nothing. A preview shows what the thread shows
/// anyway, so it is not written to the audit log (opening or downloading the file itself is).
/// </summary>
public sealed class OpenAttachmentPreview(MessagingDbContext db)
{
    public async Task<PreviewPicture?> HandleAsync(CurrentMember me, long attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var previews = db.Set<AttachmentPreview>();
        return await db.AvailableTo(me).AsNoTracking()
            .Where(a => a.Id == attachmentId && a.PurgedAt == null)
            .SelectMany(a => previews.Where(p => p.AttachmentId == a.Id && p.Status == AttachmentPreviewStatus.Ready && p.Jpeg != null))
            .Select(p => new PreviewPicture(p.Jpeg!, p.Width, p.Height))
            .SingleOrDefaultAsync(ct);
    }
}
