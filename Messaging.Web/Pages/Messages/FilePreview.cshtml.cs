using Messaging.Core.Attachments;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Messages;

/// <summary>
/// The inline preview of an image in the thread (<c>/files/{id}/preview</c>): only JPEG, PNG, GIF and WebP,
/// served with their own image type and <c>Content-Disposition: inline</c>. Every other type answers 404 here
/// (SVG and HTML cannot even be attached), so nothing but a raster image is ever rendered by the browser.
/// </summary>
[MessagesModule]
public sealed class FilePreviewModel(CurrentMemberAccessor accessor, OpenAttachment open) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        AttachmentResponses.Preview(await open.HandleAsync(await accessor.RequireAsync(ct), id, inlinePreview: true, ct), Response);
}
