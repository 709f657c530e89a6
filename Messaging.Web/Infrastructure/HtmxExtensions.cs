namespace Messaging.Web.Infrastructure;

/// <summary>The few htmx helpers the pages need (instead of the Htmx.Net package, which does not restore here).</summary>
public static class HtmxExtensions
{
    public static bool IsHtmx(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue("HX-Request", out var value) && value == "true";
    }

    /// <summary>Tells htmx to fire a client-side event after the swap (several names comma-separated).</summary>
    public static void HtmxTrigger(this HttpResponse response, string eventName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.Append("HX-Trigger", eventName);
    }

    /// <summary>A URL that answers with a page or a fragment must say so to caches.</summary>
    public static void VaryOnHtmx(this HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.Append("Vary", "HX-Request");
    }
}
