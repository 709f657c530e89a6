using Messaging.Core.Access;

namespace Messaging.Core.Safety;

/// <summary>The blocker receives nothing new from the blocked member (see docs/architecture-notes.md, "Privacy, blocks and reports").</summary>
public sealed class MemberBlock
{
    public long BlockerMemberId { get; set; }

    public long BlockedMemberId { get; set; }

    public Member? Blocked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
