using Messaging.Core.Access;

namespace Messaging.Core.Safety;

/// <summary>Who may start a new conversation with a member. Existing conversations are not affected.</summary>
public enum WhoMayStart
{
    /// <summary>Any active member of the workspace (the default).</summary>
    Everyone,

    /// <summary>Only people who already take part in a conversation together with the member.</summary>
    ConversationPartners,

    /// <summary>Only people who are members (contact or team) of a project the member is also a member of.</summary>
    ProjectMembers,
}

/// <summary>A member's own privacy settings. No row means the defaults.</summary>
public sealed class MemberPreference
{
    public long MemberId { get; set; }

    public WhoMayStart WhoMayStart { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The blocker receives nothing new from the blocked member (see docs/architecture-notes.md, "Privacy, blocks and reports").</summary>
public sealed class MemberBlock
{
    public long BlockerMemberId { get; set; }

    public long BlockedMemberId { get; set; }

    public Member? Blocked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

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
