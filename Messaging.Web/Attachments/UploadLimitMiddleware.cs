using Messaging.Core.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace Messaging.Web.Attachments;

/// <summary>The limit a refused upload exceeded, as a request feature: the status page names it.</summary>
public sealed record UploadLimitExceeded(long MaxMessageBytes);

/// <summary>
/// Sets the body size limit of a multipart post to a page that accepts uploads before anything reads the body
/// (<see cref="UploadLimits.LimitFor"/>), and answers 413 at once when the request says it is larger.
/// The member and the workspace's file settings come per request (scoped services as <c>InvokeAsync</c> parameters).
/// </summary>
public sealed class UploadLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentMemberAccessor accessor, GetFileSettings fileSettings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accessor);
        ArgumentNullException.ThrowIfNull(fileSettings);
        if (HttpMethods.IsPost(context.Request.Method)
            && MessageUploadReader.IsMultipart(context.Request)
            && context.GetEndpoint()?.Metadata.GetMetadata<AcceptsUploadsAttribute>() is not null
            && await accessor.GetAsync(context.RequestAborted) is { } me)
        {
            var settings = await fileSettings.HandleAsync(me.WorkspaceId, context.RequestAborted);
            var limit = UploadLimits.LimitFor(settings);
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                context.Features.Set(new UploadLimitExceeded(settings.MaxMessageBytes));
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
        }

        await next(context);
    }
}
