using Messaging.Core.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

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

    /// <summary>HttpContext.Items key under which the status page finds the limit that was exceeded.</summary>
    public const string ExceededLimitItem = "upload-limit-exceeded";

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && MessageUploadReader.IsMultipart(context.Request)
                && context.GetEndpoint()?.Metadata.GetMetadata<AcceptsUploadsAttribute>() is not null
                && await context.RequestServices.GetRequiredService<CurrentMemberAccessor>().GetAsync(context.RequestAborted) is { } me)
            {
                var settings = await context.RequestServices.GetRequiredService<GetFileSettings>().HandleAsync(me.WorkspaceId, context.RequestAborted);
                var limit = LimitFor(settings);
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }

                if (context.Request.ContentLength > limit)
                {
                    context.Items[ExceededLimitItem] = settings.MaxMessageBytes;
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
            }

            await next(context);
        });

    public static long LimitFor(FileSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.MaxMessageBytes + FormOverheadBytes;
    }
}
