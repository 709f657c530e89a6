using Messaging.Core.Access;
using Messaging.Core.Export;
using Messaging.Web.Exports;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Exports;

/// <summary>One background export of the member's own: progress (a page, and the fragment it polls) and the download. Anyone else's job is 404.</summary>
[MessagesModule]
[Authorize(Policy = Permissions.View)]
public sealed class JobModel(CurrentMemberAccessor accessor, GetExportJobs jobs, ExportJobFiles files) : PageModel
{
    public ExportJobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? this.LiveFragment("Exports/_JobProgress", Job) : NotFound();

    public async Task<IActionResult> OnGetDownloadAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) && files.Download(Job, Response) is { } file ? file : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var job = await jobs.HandleAsync(await accessor.RequireAsync(ct), id, ct);
        Job = job!;
        return job is not null;
    }
}
