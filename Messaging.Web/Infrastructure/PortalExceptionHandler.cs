using System.Diagnostics;
using Htmx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Infrastructure;

/// <summary>
/// What an unexpected exception (a bug: failures a user can cause come back as results) turns into.
/// Endpoints (<c>/events</c>, <c>/inbound/email</c>, typing) and htmx requests get a 500 ProblemDetails
/// (<c>application/problem+json</c>, with the trace id as a reference); a page the browser navigated to
/// gets the friendly error page (<c>/error</c>, re-executed by <c>UseExceptionHandler</c>, which runs outside
/// Development only, as before). Neither carries
/// the exception's text; the middleware has already logged it. PostgreSQL being unreachable is not a bug: that answers
/// 503 with Retry-After (<see cref="DatabaseUnavailable"/>).
/// </summary>
public sealed class PortalExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (DatabaseUnavailable.Is(exception))
        {
            await WriteUnavailableAsync(httpContext);
            return true;
        }

        if (WantsPage(httpContext))
        {
            return false;
        }

        // TypedResults.Problem goes through the ProblemDetails service (AddProblemDetails) and writes the JSON
        // itself when the client's Accept rules the service out (an EventSource asks for text/event-stream).
        await TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Something went wrong",
            detail: "We could not complete that request. Nothing was changed; please try again.",
            extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier })
            .ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// The database is down: 503 with Retry-After. A page gets a status page of its own, written here without the layout
    /// (the layout and the /status page would need the database themselves); htmx and endpoints get ProblemDetails.
    /// </summary>
    private static async Task WriteUnavailableAsync(HttpContext http)
    {
        const string title = "Temporarily unavailable";
        const string detail = "The portal cannot reach its database right now. Nothing was changed; please try again in a moment.";
        http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (WantsPage(http))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{title}</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><main id="main"><section class="card narrow"><h1>{title}</h1>
                <p data-testid="status-message" data-status="503">{detail}</p>
                <p><a href="">Try again</a></p></section></main></body></html>
                """);
            return;
        }

        await TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier })
            .ExecuteAsync(http);
    }

    /// <summary>A Razor page (or no endpoint at all) asked for by a browser, not by htmx.</summary>
    private static bool WantsPage(HttpContext http)
    {
        if (http.Request.IsHtmx())
        {
            return false;
        }

        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (endpoint is not null)
        {
            return endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
        }

        return http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
