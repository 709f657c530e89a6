using Messaging.Core.Attachments;

namespace Messaging.Web.Attachments;

/// <summary>
/// The HTTP size limit for posts that carry files: the workspace's limit per message plus room for the
/// text fields. Set before anything reads the body (antiforgery included); a request that says it is larger
/// is answered 413 at once, without reading it, and the status page names the limit. Other requests keep
/// Kestrel's default limit.
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the form's text fields and the multipart boundaries on top of the files.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>Checks multipart posts to pages that accept uploads (<see cref="UploadLimitMiddleware"/>).</summary>
    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.UseMiddleware<UploadLimitMiddleware>();

    public static long LimitFor(FileSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.MaxMessageBytes + FormOverheadBytes;
    }
}
