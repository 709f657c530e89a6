using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.Common.Events;

public static class DomainEventRegistration
{
    /// <summary>Adds <typeparamref name="THandler"/> as a scoped reaction to <typeparamref name="TEvent"/>; handlers run in the order they were added.</summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        services.AddScoped<IDomainEventHandler<TEvent>, THandler>();
        return services;
    }
}
