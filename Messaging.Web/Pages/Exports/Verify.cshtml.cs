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
public sealed class VerifyModel(VerifyExportFile verify, IOptions<ExportOptions> options) : PageModel
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
        await using var stream = file is { Length: > 0 } ? file.OpenReadStream() : null;
        var answer = await verify.HandleAsync(new VerifyUpload(stream, file?.Length ?? 0, options.Value.MaxVerifyBytes), ct);
        (Result, Error) = (answer.Result, answer.Error);
        Response.StatusCode = answer.TooLarge ? StatusCodes.Status413PayloadTooLarge : answer.Refused ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Page();
    }
}
