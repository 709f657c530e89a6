namespace Messaging.Bench.Stats;

/// <summary>
/// Percentiles by the nearest-rank method: the p-th percentile is the smallest sample with at least
/// p% of the samples at or below it. No interpolation, so every reported figure was actually measured.
/// </summary>
public static class Percentiles
{
    /// <param name="sorted">Samples in ascending order.</param>
    /// <param name="percentile">0 &lt; p ≤ 100.</param>
    public static double Of(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(sorted));
        }

        if (percentile is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), "A percentile is above 0 and at most 100.");
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
