using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

/// <summary>The people staff could add to a conversation; empty when the member may not manage it.</summary>
public sealed class ListParticipantCandidates(MessagingDbContext db)
{
    public async Task<IReadOnlyList<ParticipantCandidate>> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await ParticipantRules.FindManageableAsync(db, me, conversationId, ct);
        if (conversation is null)
        {
            return [];
        }

        return await ParticipantRules.Candidates(db, conversation)
            .OrderBy(m => m.Kind).ThenBy(m => m.DisplayName)
            .Select(m => new ParticipantCandidate(m.Id, m.DisplayName, m.Kind, m.IsSubcontractor))
            .ToListAsync(ct);
    }
}
