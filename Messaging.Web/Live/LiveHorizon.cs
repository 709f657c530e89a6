using Messaging.Core.Live;

namespace Messaging.Web.Live;

/// <summary>
/// What this node has fanned out of the stored events: the highest id it has seen committed, and the ids below it it
/// has not seen yet (their transaction took its id earlier and may still commit, or rolled back). A pending id is
/// forgotten once it is seen, or after <see cref="PendingWindow"/> (a transaction that long is taken as rolled back).
/// Not thread-safe: <see cref="EventHub"/> holds its lock around every use, so a stream's subscription and the
/// snapshot it starts from, and an event's fan-out and the snapshot sent with it, are one step.
/// </summary>
public sealed class LiveHorizon(TimeProvider time, TimeSpan pendingWindow)
{
    /// <summary>More holes than this at once (say, after a long outage) and the oldest are let go.</summary>
    private const int MaxTracked = 10_000;

    private readonly SortedDictionary<long, DateTimeOffset> pending = [];

    public TimeSpan PendingWindow { get; } = pendingWindow;

    /// <summary>-1 until the listener has started (<see cref="Start"/>).</summary>
    public long High { get; private set; } = -1;

    public bool IsStarted => High >= 0;

    /// <summary>The newest committed id when the listener started listening, and the ids below it in the table: holes among them are pending.</summary>
    public void Start(long latest, IReadOnlyList<long> recentIds)
    {
        ArgumentNullException.ThrowIfNull(recentIds);
        if (IsStarted)
        {
            return;
        }

        High = latest;
        var expires = time.GetUtcNow() + PendingWindow;
        for (var i = 1; i < recentIds.Count; i++)
        {
            for (var hole = recentIds[i - 1] + 1; hole < recentIds[i]; hole++)
            {
                pending[hole] = expires;
            }
        }

        Trim();
    }

    /// <summary>A committed event was seen; false if it had been seen already.</summary>
    public bool Observe(long id)
    {
        if (!IsStarted)
        {
            return true;
        }

        if (id > High)
        {
            var expires = time.GetUtcNow() + PendingWindow;
            for (var hole = Math.Max(High + 1, id - MaxTracked); hole < id; hole++)
            {
                pending[hole] = expires;
            }

            High = id;
            Trim();
            return true;
        }

        return pending.Remove(id);
    }

    /// <summary>Whether the id has not been seen yet (above the high, or pending).</summary>
    public bool IsUnseen(long id) => id > High || pending.ContainsKey(id);

    /// <summary>The lowest id not seen yet, minus one: where a listener that lost its connection catches up from.</summary>
    public long SeenUpTo() => pending.Count > 0 ? Math.Min(High, pending.Keys.First() - 1) : High;

    public LiveCursor Snapshot()
    {
        var now = time.GetUtcNow();
        foreach (var expired in pending.Where(p => p.Value <= now).Select(p => p.Key).ToList())
        {
            pending.Remove(expired);
        }

        return new LiveCursor(Math.Max(High, 0), pending.Keys);
    }

    private void Trim()
    {
        while (pending.Count > MaxTracked)
        {
            pending.Remove(pending.Keys.First());
        }
    }
}
