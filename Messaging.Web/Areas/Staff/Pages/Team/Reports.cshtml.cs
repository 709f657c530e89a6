using System.Globalization;
using System.Text;
using CsvHelper;
using Messaging.Core.Inbox;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary>Team analytics for a chosen period: response times, volume, per member and per project, open versus closed; as SVG charts and as CSV. Managers and Admins.</summary>
[MessagesModule]
public sealed class ReportsModel(CurrentMemberAccessor accessor, GetTeamReport report, TimeProvider clock) : PageModel
{
    public const int DefaultDays = 30;

    private const string BadDates = "Give the dates as year-month-day.";

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    public TeamReport? Report { get; private set; }

    public string? Error { get; private set; }

    public string CsvUrl => string.Create(CultureInfo.InvariantCulture, $"/staff/reports?handler=Csv&from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}");

    public (DateOnly From, DateOnly To) Period
    {
        get
        {
            var to = To ?? InboxRules.Today(clock);
            return (From ?? to.AddDays(-(DefaultDays - 1)), to);
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = this.Readable(await report.HandleAsync(await accessor.RequireAsync(ct), Period.From, Period.To, ct), GetTeamReport.PeriodField, BadDates);
        (Report, Error) = (result.Value, result.Error);
        return await this.Answer(result, _ => Page(), Page);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var result = this.Readable(await report.HandleAsync(await accessor.RequireAsync(ct), Period.From, Period.To, ct), GetTeamReport.PeriodField, BadDates);
        return await this.Answer(result, r => File(ReportCsv.Write(r), "text/csv; charset=utf-8", CsvName), () => Content(result.Error ?? BadDates, "text/plain; charset=utf-8"));
    }

    private string CsvName => string.Create(CultureInfo.InvariantCulture, $"team-report-{Period.From:yyyy-MM-dd}-{Period.To:yyyy-MM-dd}.csv");
}

/// <summary>The report as one CSV table: a section column says what each row is.</summary>
public static class ReportCsv
{
    public sealed record Row(string Section, string Label, int? Count, double? MedianSeconds, double? P90Seconds, int? FromClients, int? FromTeam);

    public static byte[] Write(TeamReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<Row>
        {
            new("first_response", "all", report.FirstResponse.Count, report.FirstResponse.MedianSeconds, report.FirstResponse.P90Seconds, null, null),
            new("response", "all", report.AllResponses.Count, report.AllResponses.MedianSeconds, report.AllResponses.P90Seconds, null, null),
        };
        rows.AddRange(report.Volume.Select(v => new Row("day", v.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.FromClients + v.FromTeam, null, null, v.FromClients, v.FromTeam)));
        rows.AddRange(report.PerMember.Select(m => new Row("member", m.Name, m.Responses, m.MedianSeconds, null, null, null)));
        rows.AddRange(report.PerProject.Select(p => new Row("project", p.Name, p.Responses, p.MedianSeconds, null, null, null)));
        rows.AddRange(report.Statuses.Select(s => new Row("status", s.Status.ToString(), s.Count, null, null, null, null)));
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(rows);
        }

        return buffer.ToArray();
    }
}
