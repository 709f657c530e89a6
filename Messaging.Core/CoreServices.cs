using Messaging.Core.Audit;
using Messaging.Core.Data;
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
        services.AddScoped<Inbox.IConversationAssignedListener, Notifications.EmailAssignee>();
        services.AddOptions<Notifications.NotificationOptions>();
        var useCases = typeof(CoreServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                && t.Namespace is not null
                && t.GetMethods().Any(m => m.Name == "HandleAsync" || m.Name == "AppendAsync"));
        foreach (var type in useCases)
        {
            services.AddScoped(type);
        }

        return services;
    }
}
