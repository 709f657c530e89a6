using Messaging.Core.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Messaging.Web.Api;

/// <summary><c>/api/v1/attachments/{id}</c>: a file's bytes streamed from the blob store, for a member who may read its message; audited.</summary>
public static class AttachmentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/attachments/{id:long}", DownloadAsync).WithName("DownloadAttachment")
            .WithSummary("Downloads a file (Content-Disposition: attachment, ranges allowed).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
    }

    private static async Task<IResult> DownloadAsync(long id, HttpResponse response, CurrentMemberAccessor accessor, OpenAttachment open, CancellationToken ct)
    {
        if (await open.HandleAsync(await accessor.RequireAsync(ct), id, inlinePreview: false, ct) is not { } file)
        {
            return ApiProblems.NotFound();
        }

        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
