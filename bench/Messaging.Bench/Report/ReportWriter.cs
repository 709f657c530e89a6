using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Messaging.Bench.Report;

/// <summary>
/// Writes a run to <c>docs/performance.md</c> (between the benchmark markers, so the other sections
/// of that file stay as they are) and to <c>bench/results/latest.json</c>.
/// </summary>
public static class ReportWriter
{
    public const string Begin = "<!-- bench:begin -->";
    public const string End = "<!-- bench:end -->";

    public static string Markdown(BenchResults r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine(CultureInfo.InvariantCulture, $"## Benchmark run ({(r.Quick ? "quick" : "full")})");
        s.AppendLine();
        s.AppendLine("Measured by `./bench.sh run` against the Release build in Production settings on loopback, with PostgreSQL on the same machine.");
        s.AppendLine();
        s.AppendLine("| | |");
        s.AppendLine("| --- | --- |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| machine | {r.Machine.Cores} cores, {r.Machine.MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB, {r.Machine.CpuModel} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| system | {r.Machine.OperatingSystem} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| date | {r.Date:yyyy-MM-dd HH:mm} UTC |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| commit | {r.Commit} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| dataset | {r.Messages:N0} messages in {r.Conversations:N0} conversations; longest thread {r.LongThreadMessages:N0} messages |");
        s.AppendLine();
        s.AppendLine("| measurement | n | p50 ms | p95 ms | p99 ms | max ms | per second |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, l) in r.Latencies)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {l.Count} | {l.P50:0.0} | {l.P95:0.0} | {l.P99:0.0} | {l.Max:0.0} | {l.PerSecond:0.0} |");
        }

        s.AppendLine();
        s.AppendLine("| figure | value | target | met |");
        s.AppendLine("| --- | ---: | --- | --- |");
        foreach (var f in r.Figures)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Value} | {f.Target ?? ""} | {(f.Met is null ? "" : f.Met.Value ? "yes" : "**no**")} |");
        }

        if (r.Notes.Count > 0)
        {
            s.AppendLine();
            foreach (var note in r.Notes)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        foreach (var (name, plan) in r.Plans)
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"Plan of {name}:");
            s.AppendLine();
            s.AppendLine("```");
            s.Append(plan.TrimEnd()).AppendLine();
            s.AppendLine("```");
        }

        s.AppendLine(End);
        return s.ToString();
    }

    /// <summary>Replaces the benchmark section of an existing document, or appends one.</summary>
    public static string Merge(string? existing, string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (string.IsNullOrEmpty(existing))
        {
            return "# Performance\n\nFigures measured on a named machine; see README.md for how to reproduce them.\n\n" + section;
        }

        var begin = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return existing.TrimEnd() + "\n\n" + section;
        }

        return existing[..begin] + section.TrimEnd('\n') + existing[(end + End.Length)..];
    }

    public static async Task WriteAsync(BenchResults results, string markdownPath, string jsonPath, CancellationToken ct)
    {
        var existing = File.Exists(markdownPath) ? await File.ReadAllTextAsync(markdownPath, ct) : null;
        await File.WriteAllTextAsync(markdownPath, Merge(existing, Markdown(results)), ct);
        Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(results, JsonOptions), ct);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
