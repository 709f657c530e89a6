namespace Messaging.Core.Export;

public enum ExportFormat
{
    Csv,

    /// <summary>One PDF per conversation; several conversations come as a ZIP of PDFs.</summary>
    Pdf,
}

/// <summary>
/// What an export covers: conversations, an optional date range (whole days in the workspace's time zone,
/// both ends included) and, for staff only, whether internal notes are in it.
/// </summary>
public sealed record ExportRequest(IReadOnlyList<long> ConversationIds, DateOnly? From, DateOnly? To, bool IncludeInternalNotes)
{
    public const string FromField = "from";
    public const string ToField = "to";
    public const string SelectionField = "ids";

    /// <summary>Most conversations one export (a bulk selection or a list filter) may hold.</summary>
    public const int MaxConversations = 500;

    /// <summary>Exports with more messages than this run as a background job with a progress bar.</summary>
    public const int BackgroundThreshold = 2_000;
}

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

public enum ExportJobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>An export too large to answer within the request: a background runner writes the file, the page shows progress.</summary>
public sealed class ExportJob
{
    public const int MaxErrorLength = 500;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long MemberId { get; set; }

    public ExportFormat Format { get; set; }

    public long[] ConversationIds { get; set; } = [];

    public DateOnly? RangeFrom { get; set; }

    public DateOnly? RangeTo { get; set; }

    public bool IncludeInternalNotes { get; set; }

    public ExportJobStatus Status { get; set; }

    public int TotalMessages { get; set; }

    public int DoneMessages { get; set; }

    public string? FileName { get; set; }

    public string? FileSha256 { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public ExportRequest ToRequest() => new(ConversationIds, RangeFrom, RangeTo, IncludeInternalNotes);
}
