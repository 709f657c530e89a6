using Messaging.Bench.Stats;

namespace Messaging.Tests.Bench;

public sealed class PercentilesTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Theory]
    [InlineData(50, 50)]
    [InlineData(95, 95)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    [InlineData(99.5, 100)]
    public void Nearest_rank_of_one_to_hundred(double percentile, double expected) =>
        Assert.Equal(expected, Percentiles.Of(OneToHundred, percentile));

    [Fact]
    public void Small_samples_report_a_measured_value_not_an_interpolation()
    {
        double[] sorted = [10, 20, 30, 40];
        Assert.Equal(20, Percentiles.Of(sorted, 50));
        Assert.Equal(40, Percentiles.Of(sorted, 95));
        Assert.Equal(40, Percentiles.Of(sorted, 99));
        Assert.Equal(7, Percentiles.Of([7], 99));
    }

    [Fact]
    public void Summary_sorts_its_samples_and_counts_throughput()
    {
        var samples = new[] { 5.0, 1, 4, 2, 3, 100, 6, 7, 8, 9 };
        var summary = LatencySummary.From(samples, seconds: 2);
        Assert.Equal(10, summary.Count);
        Assert.Equal(5, summary.P50);
        Assert.Equal(100, summary.P95);
        Assert.Equal(100, summary.Max);
        Assert.Equal(14.5, summary.Mean, 3);
        Assert.Equal(5, summary.PerSecond);
    }

    [Fact]
    public void No_samples_and_impossible_percentiles_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.Of([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(OneToHundred, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(OneToHundred, 101));
        Assert.Equal(0, LatencySummary.From([], 1).Count);
    }
}
