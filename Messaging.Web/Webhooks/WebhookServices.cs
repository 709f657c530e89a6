using Messaging.Core.Webhooks;

namespace Messaging.Web.Webhooks;

/// <summary>Outgoing webhooks and Slack / Teams channels in the host: options, the guarded HTTP transport and the delivery loop.</summary>
public static class WebhookServices
{
    public static IServiceCollection AddPortalWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookDispatchOptions>().Bind(configuration.GetSection(WebhookDispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWebhookTransport, GuardedWebhookTransport>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
