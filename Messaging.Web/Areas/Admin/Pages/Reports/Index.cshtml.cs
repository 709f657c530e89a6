using Messaging.Core.Safety;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Reports;

/// <summary>The moderation queue (Admins only): open reports, each hidden or dismissed.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListOpenReports list, ResolveReport resolve) : PageModel
{
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Reports = await list.HandleAsync(await accessor.RequireAsync(ct), ct);

    public Task<IActionResult> OnPostHideAsync(long reportId, CancellationToken ct) =>
        DecideAsync(reportId, ReportDecision.HideMessage, "The message is hidden from everyone.", ct);

    public Task<IActionResult> OnPostDismissAsync(long reportId, CancellationToken ct) =>
        DecideAsync(reportId, ReportDecision.Dismiss, "The report is dismissed; the message stays as it is.", ct);

    private async Task<IActionResult> DecideAsync(long reportId, ReportDecision decision, string saved, CancellationToken ct) =>
        (await resolve.HandleAsync(await accessor.RequireAsync(ct), reportId, decision, ct)).Succeeded ? this.RedirectWithNotice("/admin/reports", saved) : NotFound();
}
