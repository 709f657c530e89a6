using Messaging.Core.Access;

namespace Messaging.Core.Inbox;

/// <summary>A staff member away from <see cref="StartsOn"/> to <see cref="EndsOn"/> (inclusive); their conversations go to the cover meanwhile.</summary>
public sealed class MemberAbsence
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long MemberId { get; set; }

    public Member? Member { get; set; }

    public long CoverMemberId { get; set; }

    public Member? Cover { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
