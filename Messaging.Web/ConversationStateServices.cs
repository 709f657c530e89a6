using Messaging.Core.ConversationState;
using Messaging.Web.Scheduling;

namespace Messaging.Web;

/// <summary>What conversation state adds to the host: the typing throttle and scheduled sends (receipts, typing and presence travel over the event stream: <see cref="Live.LiveServices"/>).</summary>
public static class ConversationStateServices
{
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TypingThrottle>();
        services.AddHostedService<ScheduledMessageDispatcher>();
        return services;
    }
}
