using Messaging.Core.ConversationState;
using Messaging.Web.Projects;
using Messaging.Web.Scheduling;

namespace Messaging.Web;

/// <summary>What conversation state adds to the host: the typing throttle, scheduled sends and deadline reminders (receipts, typing and presence travel over the event stream: <see cref="Live.LiveServices"/>).</summary>
public static class ConversationStateServices
{
    public static IServiceCollection AddConversationState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TypingThrottle>();
        services.AddHostedService<ScheduledMessageDispatcher>();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DeadlineReminderService>();
        return services;
    }
}
