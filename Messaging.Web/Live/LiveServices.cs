using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Live;

/// <summary>
/// What the live updates add to the host: the transport only (the SSE endpoint, this node's hub of open streams,
/// the LISTEN connection and the notice fan-out, presence held in memory, the typing endpoint). The channel's
/// payloads and who receives what are Core's (<c>Messaging.Core.Live</c>).
/// </summary>
public static class LiveServices
{
    public const int DefaultPendingSeconds = 60;

    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        // An id not seen committed this long after a higher one is taken as rolled back (Messaging:Live:PendingSeconds).
        services.AddSingleton(sp => new LiveHorizon(
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(sp.GetRequiredService<IConfiguration>().GetValue("Messaging:Live:PendingSeconds", DefaultPendingSeconds))));
        services.AddSingleton<EventHub>();
        // Hosted services start in the order they are registered: the listener first, then the notice fan-out,
        // both before the scheduled-message dispatcher (AddConversationState), as before these moved here.
        services.AddHostedService<PostgresEventListener>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<LiveNoticeFanOut>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveNoticeFanOut>());
        services.AddScoped<EventWatermark>();
        // PostConfigure: after the page filters Program.cs adds, so the watermark filter still runs last of them.
        services.PostConfigure<MvcOptions>(o => o.Filters.Add<EventWatermarkFilter>());
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapEventStream();
        app.MapTyping();
        return app;
    }
}
