namespace Messaging.Bench.Dataset;

/// <summary>
/// Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: Zipf's law, which is how word
/// frequencies in real text fall off (a few words everywhere, a long tail of rare ones).
/// </summary>
public sealed class ZipfSampler
{
    private readonly double[] cumulative;

    public ZipfSampler(int n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1 / Math.Pow(i + 1, exponent);
            cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }
    }

    public int Count => cumulative.Length;

    /// <summary>The share of draws that land on <paramref name="rank"/>.</summary>
    public double Probability(int rank) => rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];

    public int Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
