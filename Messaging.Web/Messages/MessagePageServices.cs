using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the root namespace, like the other Add<Feature>() extensions Program.cs calls.
namespace Messaging.Web;

/// <summary>The web side of the messages feature: the thread page's services and the view helpers its partials use.</summary>
public static class MessagePageServices
{
    public static IServiceCollection AddMessagePages(this IServiceCollection services)
    {
        services.TryAddTransient(typeof(Lazy<>), typeof(DeferredService<>));
        services.AddScoped<ThreadPageServices>();
        services.AddScoped<ConversationListServices>();
        return services;
    }
}
