using Messaging.Core.Attachments;

namespace Messaging.Core.Export;

/// <summary>A file uploaded to the verify page: its bytes (null when none was chosen), its length and the configured limit.</summary>
public sealed record VerifyUpload(Stream? File, long Length, long MaxBytes);

/// <summary>The verify page's answer: the outcome, or why the file was not checked (<see cref="TooLarge"/>: over the limit).</summary>
public sealed record VerifyAnswer(VerifyResult? Result, string? Error, bool TooLarge = false)
{
    /// <summary>Not checked, or not an export at all: the page answers 422 (413 when too large).</summary>
    public bool Refused => Error is not null || Result?.Outcome == VerifyOutcome.NotAnExport;
}

/// <summary>
/// The verify page's use case: refuses an empty upload and one larger than any export the portal issues
/// (<see cref="VerifyUpload.MaxBytes"/>) before reading it, then checks the bytes with <see cref="VerifyExport"/>.
/// </summary>
public sealed class VerifyExportFile(VerifyExport verify)
{
    public const string NoFile = "Choose the PDF or CSV file to verify.";

    public async Task<VerifyAnswer> HandleAsync(VerifyUpload upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.File is null || upload.Length == 0)
        {
            return new VerifyAnswer(null, NoFile);
        }

        if (upload.Length > upload.MaxBytes)
        {
            return new VerifyAnswer(null, $"That file is larger than {FileSize.Format(upload.MaxBytes)}, more than any export this portal issues.", TooLarge: true);
        }

        return new VerifyAnswer(await verify.HandleAsync(upload.File, ct), null);
    }
}
