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
/// the exception's text; the middleware has already logged it.
/// </summary>
public sealed class PortalExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
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
