namespace Messaging.Core.Export;

/// <summary>
/// A record of a file the portal issued, kept so <c>/exports/verify</c> can later say whether a file is exactly
/// what was issued. Append-only (a trigger refuses UPDATE and DELETE), like the audit log.
/// </summary>
public sealed class ExportRecord
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long MemberId { get; set; }

    public ExportFormat Format { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes: what the verify page looks up.</summary>
    public required string FileSha256 { get; set; }

    /// <summary>The stamp printed in the file: SHA-256 of the canonical exported content (<see cref="ExportStamp"/>).</summary>
    public required string ContentSha256 { get; set; }

    public required string FileName { get; set; }

    public int ConversationCount { get; set; }

    public int MessageCount { get; set; }

    public DateOnly? RangeFrom { get; set; }

    public DateOnly? RangeTo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
