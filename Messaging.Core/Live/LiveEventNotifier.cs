using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Messaging.Core.Live;

/// <summary>
/// After live events are saved, sends <c>pg_notify</c> with their ids on the same connection. Inside a
/// transaction PostgreSQL delivers the notification only at commit, so listeners never see an event
/// whose rows are not yet visible.
/// </summary>
public sealed class LiveEventNotifier : SaveChangesInterceptor
{
    /// <summary>The channel's name (<see cref="LiveChannel.Name"/>).</summary>
    public const string Channel = LiveChannel.Name;

    private readonly List<LiveEvent> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        pending.Clear();
        if (eventData.Context is not null)
        {
            pending.AddRange(eventData.Context.ChangeTracker.Entries<LiveEvent>()
                .Where(e => e.State == EntityState.Added)
                .Select(e => e.Entity));
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (pending.Count > 0 && eventData.Context is not null)
        {
            var committed = new LivePayload.EventsCommitted(pending.Select(e => e.Id).ToList());
            pending.Clear();
            await LiveChannel.NotifyAsync(eventData.Context, committed, cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
