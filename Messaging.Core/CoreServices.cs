using Messaging.Core.Audit;
using Messaging.Core.Common.Events;
using Messaging.Core.ConversationState;
using Messaging.Core.Data;
using Messaging.Core.Inbox;
using Messaging.Core.Live;
using Messaging.Core.Messages;
using Messaging.Core.Notifications;
using Messaging.Core.ProjectThreads;
using Messaging.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Core;

public static class CoreServices
{
    /// <summary>
    /// Registers every use case of Core (one class each, found by their namespace), the audit log and
    /// the migration runner. A host that knows where requests come from replaces <see cref="IRequestOrigin"/>.
    /// </summary>
    public static IServiceCollection AddMessagingCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MigrationRunner>();
        services.TryAddSingleton<IRequestOrigin, NoRequestOrigin>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Notifications.NotificationRecipients>();
        services.AddScoped<Home.HomeQueries>();
        services.AddOptions<Notifications.NotificationOptions>();
        services.AddOptions<WebhookOptions>();
        var useCases = typeof(CoreServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && t.Namespace is not null
                && t.GetMethods().Any(m => m.Name == "HandleAsync" || m.Name == "AppendAsync"));
        foreach (var type in useCases)
        {
            services.AddScoped(type);
        }

        return services.AddDomainEventHandlers();
    }

    /// <summary>
    /// Each slice registers its reactions to domain events. For a message appended the order below is the order they
    /// run in, and it matters: the inbox assigns before notifications pick recipients (a client's message notifies
    /// the assignee); the live event and the audit entry come last.
    /// </summary>
    private static IServiceCollection AddDomainEventHandlers(this IServiceCollection services)
    {
        services.AddScoped<DomainEvents>();
        return services
            .AddConversationStateEventHandlers()
            .AddInboxEventHandlers()
            .AddNotificationEventHandlers()
            .AddLiveEventHandlers()
            .AddMessageEventHandlers()
            .AddProjectThreadEventHandlers()
            .AddWebhookEventHandlers();
    }
}
