using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.ConversationState;
using Messaging.Core.Live;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;

namespace Messaging.Web.Live;

/// <summary>
/// <c>POST /messages/typing/{id}</c>: "I am typing in this conversation" (<c>?note=true</c> from the
/// internal-note form). Antiforgery-checked like every form post. Answers 204, or 429 with Retry-After
/// when a member posts again within <see cref="TypingThrottle.MinInterval"/>; a conversation the member
/// cannot see is 404, one they may only read is 403. Kept off the thread page so typing never uses up
/// the page's send rate limit.
/// </summary>
public static class TypingEndpoint
{
    public const string Route = "/messages/typing/{id:long}";

    public static IEndpointRouteBuilder MapTyping(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, HandleAsync).RequireAuthorization(Permissions.View);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, IAntiforgery antiforgery, CurrentMemberAccessor accessor, AnnounceTyping announce, long id, bool? note, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var me = await accessor.GetAsync(ct);
        if (me is null)
        {
            return Results.NotFound();
        }

        var result = await announce.HandleAsync(me, id, note == true, ct);
        switch (result.Failure)
        {
            case FailureKind.NotFound:
                return Results.NotFound();
            case FailureKind.Forbidden:
                return Results.Text(result.Error, statusCode: StatusCodes.Status403Forbidden);
        }

        if (!result.Value)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(TypingThrottle.MinInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        return Results.NoContent();
    }
}
