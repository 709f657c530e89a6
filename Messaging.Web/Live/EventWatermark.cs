using Messaging.Core.Live;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Web.Live;

/// <summary>
/// Where a rendered page's event stream starts (the layout's <c>sse-connect</c>): the newest event id, read
/// once per request. <see cref="EventWatermarkFilter"/> reads it before the page handler loads anything, so
/// an event committed while the page is being built is either on the page or replayed by the stream, never
/// neither. (Read by the layout instead, it would come after the page's own queries and skip such an event.)
/// </summary>
public sealed class EventWatermark(ReplayEvents events)
{
    private Task<long>? latest;

    public Task<long> GetAsync(CancellationToken ct) => latest ??= events.LatestIdAsync(ct);
}

/// <summary>Reads the <see cref="EventWatermark"/> before the handler of every signed-in request that renders the layout.</summary>
public sealed class EventWatermarkFilter(EventWatermark watermark) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (RendersLayout(context.HttpContext.Request) && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            await watermark.GetAsync(context.HttpContext.RequestAborted);
        }

        await next();
    }

    /// <summary>A whole page: a plain request or an htmx-boosted navigation. Other htmx requests get fragments.</summary>
    private static bool RendersLayout(HttpRequest request) =>
        request.Headers["HX-Request"] != "true" || request.Headers["HX-Boosted"] == "true";
}
