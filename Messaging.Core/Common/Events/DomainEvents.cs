using Messaging.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.Common.Events;

/// <summary>
/// Publishes a domain event to every handler registered for it, in registration order, one after the
/// other in the caller's scope (so on the caller's DbContext and inside its transaction). A handler that
/// throws stops the rest and fails the caller's use case: its transaction rolls back, nothing half-written stays.
/// Handlers are resolved when the event is published, not when the publisher is built, so a handler may
/// itself publish (the out-of-office reply is a message appended in reaction to a message appended).
/// </summary>
public sealed class DomainEvents(IServiceProvider services, MessagingDbContext db)
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, ct);
        }
    }

    /// <summary>
    /// Saves the caller's changes, publishes <paramref name="domainEvent"/> and saves what its handlers added, in one
    /// transaction: the caller's when one is open, else its own, committed here.
    /// </summary>
    public async Task SaveAndPublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct)
        where TEvent : IDomainEvent
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            await db.SaveChangesAsync(ct);
            await PublishAsync(domainEvent, ct);
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
    }
}
