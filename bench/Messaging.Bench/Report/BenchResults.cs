using Messaging.Bench.Stats;

namespace Messaging.Bench.Report;

/// <summary>One line of the report: a measured figure, with its target where the issue names one.</summary>
public sealed record Figure(string Name, string Value, string? Target = null, bool? Met = null);

/// <summary>Everything one run measured, and where: written to docs/performance.md and latest.json.</summary>
public sealed class BenchResults
{
    public required MachineInfo Machine { get; init; }

    public required string Commit { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required bool Quick { get; init; }

    public required long Messages { get; init; }

    public required long Conversations { get; init; }

    public required int LongThreadMessages { get; init; }

    public Dictionary<string, LatencySummary> Latencies { get; } = [];

    public Dictionary<string, double> Values { get; } = [];

    public List<Figure> Figures { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) output worth keeping with the figures, by what it explains.</summary>
    public Dictionary<string, string> Plans { get; } = [];
}

public sealed record MachineInfo(int Cores, long MemoryBytes, string CpuModel, string OperatingSystem)
{
    public static MachineInfo Current()
    {
        var memory = 0L;
        var cpu = "unknown";
        if (File.Exists("/proc/meminfo"))
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
            {
                memory = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        if (File.Exists("/proc/cpuinfo"))
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return new MachineInfo(Environment.ProcessorCount, memory, cpu, System.Runtime.InteropServices.RuntimeInformation.OSDescription);
    }
}
