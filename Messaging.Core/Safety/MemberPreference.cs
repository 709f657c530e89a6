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
