using Messaging.Core.Access;
using Messaging.Core.Export;
using Messaging.Web.Exports;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Pages.Exports;

/// <summary>One background export of the member's own: progress (a page, and the fragment it polls) and the download. Anyone else's job is 404.</summary>
[MessagesModule]
[Authorize(Policy = Permissions.View)]
public sealed class JobModel(CurrentMemberAccessor accessor, GetExportJobs jobs, IOptions<ExportOptions> options, IHostEnvironment env) : PageModel
{
    public ExportJobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Partial("Exports/_JobProgress", Job);
    }

    public async Task<IActionResult> OnGetDownloadAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Job.Status != ExportJobStatus.Done || Job.FileName is null)
        {
            return NotFound();
        }

        var path = ExportJobRunner.PathOf(options.Value, env, Job.Id, Path.GetExtension(Job.FileName).TrimStart('.'));
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        var type = Path.GetExtension(Job.FileName) switch { ".csv" => "text/csv; charset=utf-8", ".pdf" => "application/pdf", _ => "application/zip" };
        return PhysicalFile(path, type, Job.FileName);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var job = await jobs.HandleAsync(await accessor.RequireAsync(ct), id, ct);
        Job = job!;
        return job is not null;
    }
}
