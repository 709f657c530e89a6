using Messaging.Core.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Exports;

/// <summary>The file a finished background export wrote, as a private, uncached download; null while it is not there.</summary>
public sealed class ExportJobFiles(IOptions<ExportOptions> options, IHostEnvironment env)
{
    public IActionResult? Download(ExportJobView? job, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (job is not { Status: ExportJobStatus.Done, FileName: { } name })
        {
            return null;
        }

        var path = ExportJobRunner.PathOf(options.Value, env, job.Id, Path.GetExtension(name).TrimStart('.'));
        if (!File.Exists(path))
        {
            return null;
        }

        response.Headers.CacheControl = "private, no-store";
        var type = Path.GetExtension(name) switch { ".csv" => "text/csv; charset=utf-8", ".pdf" => "application/pdf", _ => "application/zip" };
        return new PhysicalFileResult(path, type) { FileDownloadName = name };
    }
}
