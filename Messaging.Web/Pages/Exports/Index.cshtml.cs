using Messaging.Core.Access;
using Messaging.Core.Export;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Exports;

/// <summary>The member's recent background exports, so one started earlier can be found again.</summary>
[MessagesModule]
[Authorize(Policy = Permissions.View)]
public sealed class IndexModel(CurrentMemberAccessor accessor, GetExportJobs jobs) : PageModel
{
    public IReadOnlyList<ExportJobView> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Jobs = await jobs.RecentAsync(await accessor.RequireAsync(ct), ct);
}
