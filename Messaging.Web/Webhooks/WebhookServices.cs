using Messaging.Core.Webhooks;

namespace Messaging.Web.Webhooks;

/// <summary>Outgoing webhooks and Slack / Teams channels in the host: options, the guarded HTTP transport and the delivery loop.</summary>
public static class WebhookServices
{
    public static IServiceCollection AddPortalWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations()
            // Loopback is this machine: its database, its admin ports. Tests and a developer's own receiver need it; production never does.
            .Validate<IHostEnvironment>((o, env) => !(o.AllowLoopback && env.IsProduction()),
                "Messaging:Webhooks:AllowLoopback is for tests and development; in Production a webhook may not reach this machine.")
            // A claim is taken over only once its try must be over, or a slow receiver would get every delivery twice.
            .Validate(o => o.StaleClaimSeconds > o.TimeoutSeconds * 2,
                "Messaging:Webhooks:StaleClaimSeconds must be more than twice TimeoutSeconds.")
            .ValidateOnStart();
        services.AddOptions<WebhookDispatchOptions>().Bind(configuration.GetSection(WebhookDispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWebhookTransport, GuardedWebhookTransport>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
