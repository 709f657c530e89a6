using Messaging.Core.Attachments;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Messages;

/// <summary>
/// Downloads a file (<c>/files/{id}</c>) for a member who may read its message; anything else is 404.
/// Always <c>Content-Disposition: attachment</c> with an RFC 5987 name (<c>filename*=UTF-8''…</c>), the type
/// from the server's catalog, and <c>nosniff</c> (on every response, see SecurityHeaders). Audited.
/// </summary>
[MessagesModule]
public sealed class FileModel(CurrentMemberAccessor accessor, OpenAttachment open) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        AttachmentResponses.Download(await open.HandleAsync(await accessor.RequireAsync(ct), id, inlinePreview: false, ct), Response);
}
