using Messaging.Core.Export;
using Messaging.Web.Exports;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Pages.Exports;

/// <summary>
/// Checks an uploaded file against the record of issued exports. Open to anyone (no sign-in), so the other
/// party of a dispute can check a transcript they were given; it reveals nothing to someone without the file.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Verify)]
[RequestSizeLimit(VerifyModel.RequestLimit)]
public sealed class VerifyModel(VerifyExport verify, IOptions<ExportOptions> options) : PageModel
{
    /// <summary>The HTTP limit; the configured <see cref="ExportOptions.MaxVerifyBytes"/> applies within it.</summary>
    public const long RequestLimit = 512L * 1024 * 1024;

    public VerifyResult? Result { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Error = "Choose the PDF or CSV file to verify.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (file.Length > options.Value.MaxVerifyBytes)
        {
            Error = $"That file is larger than {Messaging.Core.Attachments.FileSize.Format(options.Value.MaxVerifyBytes)}, more than any export this portal issues.";
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Result = await verify.HandleAsync(stream, ct);
        if (Result.Outcome == VerifyOutcome.NotAnExport)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
