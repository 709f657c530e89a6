using Messaging.Core.ConversationState;
using Messaging.Web.Live;
using Messaging.Web.Scheduling;

namespace Messaging.Web;

/// <summary>What issue 8's conversation state adds to the host: receipts, typing and presence over the event stream, and scheduled sends.</summary>
public static class ConversationStateServices
{
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<LiveNoticeFanOut>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveNoticeFanOut>());
        services.AddHostedService<ScheduledMessageDispatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapConversationState(this IEndpointRouteBuilder app)
    {
        app.MapTyping();
        return app;
    }
}
