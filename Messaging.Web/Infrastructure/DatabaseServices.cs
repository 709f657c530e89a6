using Messaging.Core;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Messaging.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Web.Infrastructure;

public static class DatabaseServices
{
    /// <summary>Core's use cases and the two DbContexts on one PostgreSQL database (the domain, with the interceptor that announces live events; Identity), and the database health check.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, string connectionString)
    {
        services.AddMessagingCore();
        services.AddScoped<LiveEventNotifier>();
        services.AddDbContext<MessagingDbContext>((sp, o) => o
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetRequiredService<LiveEventNotifier>()));
        services.AddDbContext<IdentityStoreDbContext>(o => o.UseNpgsql(connectionString));
        services.AddHealthChecks().AddDbContextCheck<MessagingDbContext>("database");
        return services;
    }
}
