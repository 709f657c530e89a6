namespace Messaging.Core.Export;

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
