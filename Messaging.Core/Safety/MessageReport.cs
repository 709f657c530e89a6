namespace Messaging.Core.Safety;

public enum ReportReason
{
    Spam,
    Harassment,
    Inappropriate,
    Other,
}

public enum ReportStatus
{
    Open,

    /// <summary>An Admin hid the message.</summary>
    Hidden,

    /// <summary>An Admin kept the message as it is.</summary>
    Dismissed,
}

/// <summary>A participant's report of a message, for the Admins' moderation queue.</summary>
public sealed class MessageReport
{
    public const int MaxDetailsLength = 1000;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long MessageId { get; set; }

    public long ReporterMemberId { get; set; }

    public ReportReason Reason { get; set; }

    public string? Details { get; set; }

    public ReportStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public long? ResolvedByMemberId { get; set; }
}
