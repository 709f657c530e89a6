using Messaging.Core.Attachments;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Messages;

/// <summary>
/// The server-made preview of a file (<c>/files/{id}/thumbnail</c>): an image's thumbnail, a video's poster frame or
/// a PDF's first page, always a JPEG; 404 when the member may not have the file or its preview is not ready.
/// </summary>
[MessagesModule]
public sealed class FileThumbnailModel(CurrentMemberAccessor accessor, OpenAttachmentPreview open) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        AttachmentResponses.Thumbnail(await open.HandleAsync(await accessor.RequireAsync(ct), id, ct), Response);
}
