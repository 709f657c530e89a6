using System.Diagnostics;
using Messaging.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Api;

/// <summary>
/// Every API error is ProblemDetails (<c>application/problem+json</c>, with the trace id): the seam from a use case's
/// <see cref="Result{T}"/> to a response (404, 403, 422), and the writer for answers given outside a handler (401/403 from
/// the token scheme, 404 for an unknown route, 413, 429).
/// </summary>
public sealed class ApiProblems(IProblemDetailsService problems)
{
    public const string Base = "/api/v1";

    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(Base);
    }

    public async Task WriteAsync(HttpContext context, int status, string title, string? detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Create(context, status, title, detail),
        });
        if (!written)
        {
            await context.Response.WriteAsJsonAsync(Create(context, status, title, detail), options: null, contentType: "application/problem+json");
        }
    }

    public static ProblemDetails Create(HttpContext context, int status, string title, string? detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }

    /// <summary>A problem as a handler's result.</summary>
    public static IResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static IResult NotFound() =>
        Problem(StatusCodes.Status404NotFound, "Not found", "There is nothing here that you may see.");

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    /// <summary>A refused use case: NotFound 404, Forbidden 403 with its reason, Invalid 422 with the field; success goes to <paramref name="ok"/>.</summary>
    public static IResult From<T>(Result<T> result, Func<T, IResult> ok, int? refusedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result.Failure switch
        {
            FailureKind.None => ok(result.Value!),
            FailureKind.NotFound => NotFound(),
            FailureKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", result.Error),
            _ => TypedResults.Problem(
                statusCode: refusedStatus ?? StatusCodes.Status422UnprocessableEntity,
                title: "Not accepted",
                detail: result.Error,
                extensions: new Dictionary<string, object?> { ["field"] = result.Field }),
        };
    }
}

/// <summary>
/// On <c>/api/v1</c>: the status pages (HTML, re-executed) are switched off, and any error answered without a body
/// (an unknown route, 405, 413 from the upload limit, 429 from the rate limiter) gets a ProblemDetails body.
/// </summary>
public sealed class ApiProblemsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ApiProblems problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        if (!ApiProblems.IsApi(context))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        await next(context);
        var status = context.Response.StatusCode;
        if (status >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null or 0 && string.IsNullOrEmpty(context.Response.ContentType))
        {
            await problems.WriteAsync(context, status, Title(status), Detail(status));
        }
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status413PayloadTooLarge => "Too large",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        StatusCodes.Status400BadRequest => "Bad request",
        _ => "Request refused",
    };

    private static string? Detail(int status) => status switch
    {
        StatusCodes.Status404NotFound => "There is nothing here that you may see.",
        StatusCodes.Status413PayloadTooLarge => "The request is larger than a message may carry. Send fewer or smaller files.",
        StatusCodes.Status429TooManyRequests => "This token made too many requests. Wait for the time in Retry-After, then try again.",
        _ => null,
    };
}
