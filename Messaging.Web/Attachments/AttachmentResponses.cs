using Messaging.Core.Attachments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Messaging.Web.Attachments;

/// <summary>How a file reaches the browser: a download (<c>attachment</c>, never cached) or an inline image preview; 404 when the member may not have it.</summary>
public static class AttachmentResponses
{
    /// <summary>
    /// <c>Content-Disposition: attachment</c> with an RFC 5987 name (<c>filename*=UTF-8''…</c>), the type from the
    /// server's catalog, its hash as the ETag, ranges allowed; <c>nosniff</c> is on every response (SecurityHeaders).
    /// </summary>
    public static IActionResult Download(AttachmentDownload? file, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (file is null)
        {
            return new NotFoundResult();
        }

        response.Headers.CacheControl = "private, no-store";
        return new FileStreamResult(file.Content, file.ContentType)
        {
            FileDownloadName = file.FileName,
            EntityTag = new EntityTagHeaderValue($"\"{file.Sha256}\""),
            EnableRangeProcessing = true,
        };
    }

    /// <summary>An image shown in the thread, <c>inline</c> with its own type; the browser may keep it for a while (private).</summary>
    public static IActionResult Preview(AttachmentDownload? file, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (file is null)
        {
            return new NotFoundResult();
        }

        // Each thread view does not need a fresh copy and audit entry.
        response.Headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(file.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return new FileStreamResult(file.Content, file.ContentType) { EntityTag = new EntityTagHeaderValue($"\"{file.Sha256}\"") };
    }

    /// <summary>A server-made preview (a JPEG); the browser may keep it for a while (private), as it never changes.</summary>
    public static IActionResult Thumbnail(PreviewPicture? picture, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (picture is null)
        {
            return new NotFoundResult();
        }

        response.Headers.CacheControl = "private, max-age=86400";
        response.Headers.ContentDisposition = "inline";
        return new FileContentResult(picture.Jpeg, "image/jpeg");
    }
}
