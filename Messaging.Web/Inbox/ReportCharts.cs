using System.Globalization;
using Messaging.Core.Inbox;

namespace Messaging.Web.Inbox;

/// <summary>One bar of a chart: its label, its value, and the text shown for the value.</summary>
public sealed record ChartBar(string Label, double Value, string Display);

/// <summary>A server-rendered SVG bar chart (no script, so the strict CSP holds): one or two series side by side.</summary>
public sealed record BarChart(string Title, string TestId, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    public const double Width = 420;
    public const double Height = 200;
    public const double Left = 44;
    public const double Bottom = 28;
    public const double Top = 12;

    public double Max => Math.Max(1, Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());

    public double PlotWidth => Width - Left - 8;

    public double PlotHeight => Height - Top - Bottom;

    public double Slot => Labels.Count == 0 ? PlotWidth : PlotWidth / Labels.Count;

    public double BarWidth => Math.Max(1, (Slot * 0.8) / Math.Max(1, Series.Count));

    public double X(int label, int series) => Left + (label * Slot) + (Slot * 0.1) + (series * BarWidth);

    public double BarHeight(double value) => value / Max * PlotHeight;

    /// <summary>Label every n-th column so they do not overlap (about 7 labels at most).</summary>
    public int LabelEvery => Math.Max(1, (int)Math.Ceiling(Labels.Count / 7.0));

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<double> Values);

/// <summary>A horizontal bar chart: one bar per row (members, projects, statuses).</summary>
public sealed record RowChart(string Title, string TestId, IReadOnlyList<ChartBar> Bars)
{
    public const double Width = 420;
    public const double RowHeight = 26;
    public const double LabelWidth = 130;

    public double Height => Math.Max(1, Bars.Count) * RowHeight + 8;

    public double Max => Math.Max(1, Bars.Select(b => b.Value).DefaultIfEmpty(0).Max());

    public double BarLength(double value) => value / Max * (Width - LabelWidth - 80);
}

/// <summary>How the report shows durations: "42 s", "12 min", "3.5 h", "2.1 d".</summary>
public static class Durations
{
    public static string Format(double? seconds) => seconds switch
    {
        null => "–",
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{seconds.Value:0} s"),
        < 5400 => string.Create(CultureInfo.InvariantCulture, $"{seconds.Value / 60:0} min"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds.Value / 3600:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds.Value / 86400:0.#} d"),
    };

    public static BarChart VolumeChart(TeamReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new BarChart(
            "Messages per day",
            "chart-volume",
            report.Volume.Select(v => v.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList(),
            [
                new ChartSeries("From clients", "series-clients", report.Volume.Select(v => (double)v.FromClients).ToList()),
                new ChartSeries("From the team", "series-team", report.Volume.Select(v => (double)v.FromTeam).ToList()),
            ]);
    }

    public static RowChart MedianChart(string title, string testId, IReadOnlyList<GroupFigures> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return new RowChart(title, testId, groups.Select(g => new ChartBar(g.Name, g.MedianSeconds ?? 0,
            string.Create(CultureInfo.InvariantCulture, $"{Format(g.MedianSeconds)} · {g.Responses}"))).ToList());
    }

    public static RowChart StatusChart(TeamReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new RowChart("Open versus closed", "chart-status", report.Statuses.Select(s => new ChartBar(
            s.Status switch { ConversationStatus.WaitingOnClient => "Waiting on client", _ => s.Status.ToString() },
            s.Count,
            s.Count.ToString(CultureInfo.InvariantCulture))).ToList());
    }
}
