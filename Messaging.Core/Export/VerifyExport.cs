using System.Security.Cryptography;
using System.Text;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

public enum VerifyOutcome
{
    /// <summary>The bytes are exactly those of a file the portal issued.</summary>
    Matches,

    /// <summary>Looks like a PDF or our CSV, but no issued file has these bytes: changed, or not from this portal.</summary>
    DoesNotMatch,

    /// <summary>Neither a PDF nor a CSV export.</summary>
    NotAnExport,
}

public sealed record VerifyResult(
    VerifyOutcome Outcome, string FileSha256, string? Stamp = null, string? WorkspaceName = null, DateTimeOffset? IssuedAt = null,
    int MessageCount = 0, int ConversationCount = 0, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// Checks an uploaded file against the record of issued exports: the SHA-256 of its bytes must be one the
/// portal recorded when it issued the file (<see cref="RecordExport.IssuedAsync"/>). Any change to the file,
/// one byte or one page, gives another hash and so no match. The answer names the stamp printed in the file.
/// </summary>
public sealed class VerifyExport(MessagingDbContext db)
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    public async Task<VerifyResult> HandleAsync(Stream file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var head = new byte[512];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(head, 0, read);
        var buffer = new byte[81920];
        int n;
        while ((n = await file.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, n);
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!LooksLikeExport(head.AsSpan(0, read)))
        {
            return new VerifyResult(VerifyOutcome.NotAnExport, sha);
        }

        var record = await db.ExportRecords.AsNoTracking()
            .Where(r => r.FileSha256 == sha)
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.ContentSha256,
                Workspace = db.Workspaces.Where(w => w.Id == r.WorkspaceId).Select(w => w.Name).FirstOrDefault(),
                r.CreatedAt,
                r.MessageCount,
                r.ConversationCount,
                r.RangeFrom,
                r.RangeTo,
            })
            .FirstOrDefaultAsync(ct);
        return record is null
            ? new VerifyResult(VerifyOutcome.DoesNotMatch, sha)
            : new VerifyResult(VerifyOutcome.Matches, sha, record.ContentSha256, record.Workspace, record.CreatedAt,
                record.MessageCount, record.ConversationCount, record.RangeFrom, record.RangeTo);
    }

    private static bool LooksLikeExport(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return true;
        }

        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        return text.StartsWith(Encoding.UTF8.GetBytes(ExportCsv.Columns[0] + ","));
    }
}
