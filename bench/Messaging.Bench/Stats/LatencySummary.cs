using System.Globalization;

namespace Messaging.Bench.Stats;

/// <summary>Count, throughput and latency percentiles (milliseconds) of one measured operation.</summary>
public sealed record LatencySummary(int Count, double Seconds, double P50, double P95, double P99, double Max, double Mean)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;

    public static LatencySummary From(IReadOnlyCollection<double> samplesMs, double seconds)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        if (samplesMs.Count == 0)
        {
            return new LatencySummary(0, seconds, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samplesMs.Order().ToArray();
        return new LatencySummary(
            sorted.Length,
            seconds,
            Percentiles.Of(sorted, 50),
            Percentiles.Of(sorted, 95),
            Percentiles.Of(sorted, 99),
            sorted[^1],
            sorted.Average());
    }

    public string Describe() => Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"n={Count} p50={P50:0.0} ms p95={P95:0.0} ms p99={P99:0.0} ms max={Max:0.0} ms ({PerSecond:0.0}/s)");
}
