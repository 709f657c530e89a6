namespace Messaging.Core.Common.Events;

/// <summary>
/// A slice's reaction to a <typeparamref name="TEvent"/>. It runs inside the publisher's transaction on the
/// same <see cref="Data.MessagingDbContext"/>: it adds or changes rows (and may save them); it does not commit.
/// Registered with <see cref="DomainEventRegistration.AddDomainEventHandler{TEvent, THandler}"/> by the slice that owns it.
/// </summary>
#pragma warning disable CA1711 // "Handler" is what it is; "EventHandler" here is not a .NET event delegate.
public interface IDomainEventHandler<in TEvent>
#pragma warning restore CA1711
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}
