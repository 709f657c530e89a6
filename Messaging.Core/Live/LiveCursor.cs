using System.Globalization;

namespace Messaging.Core.Live;

/// <summary>
/// Where an event stream stands, sent as the SSE id the browser resumes from: every stored event up to
/// <see cref="High"/> has reached the stream, except <see cref="Pending"/>, ids below it whose transaction had not
/// committed yet (ids come from a sequence at insert; transactions commit in any order). Written as <c>High</c> or
/// <c>High-p1-p2</c>; a plain event id is a cursor without pending ids. A reconnecting stream replays what is above
/// <see cref="High"/> and what is pending, so an event that commits out of id order is neither lost nor sent twice.
/// </summary>
public sealed record LiveCursor
{
    /// <summary>At most this many pending ids travel in a cursor (the newest: older ones are almost always rolled back).</summary>
    public const int MaxPending = 64;

    public LiveCursor(long high, IEnumerable<long> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        High = high;
        Pending = pending.Where(p => p < high && p > 0).Distinct().Order().TakeLast(MaxPending).ToArray();
    }

    public long High { get; }

    /// <summary>Ascending, each below <see cref="High"/>.</summary>
    public IReadOnlyList<long> Pending { get; }

    public static LiveCursor At(long high) => new(high, []);

    public string Format() =>
        string.Join('-', Pending.Prepend(High).Select(id => id.ToString(CultureInfo.InvariantCulture)));

    public static bool TryParse(string? text, out LiveCursor cursor)
    {
        cursor = At(0);
        if (string.IsNullOrEmpty(text) || text.Length > 32 * (MaxPending + 1))
        {
            return false;
        }

        var ids = new List<long>();
        foreach (var part in text.Split('-'))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }

            ids.Add(id);
        }

        cursor = new LiveCursor(ids[0], ids.Skip(1));
        return true;
    }

    /// <summary>
    /// This (a reconnecting browser's) cursor moved on by what the stream has since covered: <paramref name="node"/> is
    /// what this node had fanned out (everything up to its high except its pending ids), and the stream has replayed or
    /// passed on every event of the node's up to <paramref name="progress"/>. Pending ids of this cursor above the
    /// progress stay pending; ids this cursor already had stay had.
    /// </summary>
    public LiveCursor Resume(LiveCursor node, long progress)
    {
        ArgumentNullException.ThrowIfNull(node);
        var high = Math.Max(High, progress);
        return new LiveCursor(high, node.Pending.Where(p => p < high).Concat(Pending.Where(p => p > progress)));
    }

    public bool IsPending(long id) => id > High || Pending.Contains(id);
}
