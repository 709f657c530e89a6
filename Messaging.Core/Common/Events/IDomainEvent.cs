namespace Messaging.Core.Common.Events;

/// <summary>
/// Something that happened in Core that other slices may react to ("a message was appended"). Raised by the
/// use case that made it happen through <see cref="DomainEvents"/>, after its rows are saved and before its
/// transaction commits, so what every handler writes commits or rolls back with it.
/// </summary>
#pragma warning disable CA1040 // A marker: it names what may be published; the events are records with their own data.
public interface IDomainEvent;
#pragma warning restore CA1040
