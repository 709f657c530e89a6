using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>
/// Who a message body mentions. Mentions exist in group conversations (more than two participants);
/// in a conversation of two, <c>@</c> is plain text. Every <c>@Name</c> must name a participant (and, in
/// an internal note, a staff participant, since clients never see notes): otherwise the message is
/// refused with the reason and nothing is stored. Returns the mentioned members other than the author.
/// </summary>
public sealed class ResolveMentions(MessagingDbContext db)
{
    /// <summary>Conversations with more participants than this are groups, where mentions work.</summary>
    public const int DirectConversationSize = 2;

    public async Task<Result<IReadOnlyList<long>>> HandleAsync(
        CurrentMember me, long conversationId, string body, MessageVisibility visibility, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(body);
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.ConversationId == conversationId)
            .Select(p => new { p.MemberId, p.Member!.DisplayName, p.Member.Kind })
            .ToListAsync(ct);
        if (participants.Count <= DirectConversationSize)
        {
            return Result<IReadOnlyList<long>>.Ok([]);
        }

        var candidates = participants.Select(p => new MentionCandidate(p.MemberId, p.DisplayName)).ToList();
        var mentioned = new List<long>();
        foreach (var hit in MessageFormatter.FindMentions(body, candidates))
        {
            if (hit.Candidate is not { } who)
            {
                return Result<IReadOnlyList<long>>.Invalid(SendMessage.BodyField, hit.Ambiguous
                    ? $"{hit.Typed} could mean more than one person here: pick the person from the list that appears as you type."
                    : $"{hit.Typed} is not a participant of this conversation. Mention only people taking part (pick from the list that appears as you type), or put the text in `backticks` if it is not a mention.");
            }

            if (visibility == MessageVisibility.StaffOnly && participants.Single(p => p.MemberId == who.MemberId).Kind != MemberKind.Staff)
            {
                return Result<IReadOnlyList<long>>.Invalid(SendMessage.BodyField,
                    $"{who.DisplayName} can't see internal notes, so they can't be mentioned in one.");
            }

            if (who.MemberId != me.MemberId && !mentioned.Contains(who.MemberId))
            {
                mentioned.Add(who.MemberId);
            }
        }

        return Result<IReadOnlyList<long>>.Ok(mentioned);
    }
}
