using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>Resolves assignees to who answers today (their cover while they are away), for display.</summary>
public sealed class EffectiveAssignees(MessagingDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<long, EffectiveAssignee>> LoadAsync(long workspaceId, IEnumerable<long?> assigned, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        var ids = assigned.OfType<long>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<long, EffectiveAssignee>();
        }

        var today = InboxRules.Today(clock);
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var covers = await db.MemberAbsences.AsNoTracking()
            .Where(a => a.WorkspaceId == workspaceId && ids.Contains(a.MemberId) && a.StartsOn <= today && a.EndsOn >= today)
            .Select(a => new { a.MemberId, a.CoverMemberId, CoverName = a.Cover!.DisplayName })
            .ToListAsync(ct);
        return ids.ToDictionary(id => id, id => covers.FirstOrDefault(c => c.MemberId == id) is { } cover
            ? new EffectiveAssignee(cover.CoverMemberId, cover.CoverName, names[id])
            : new EffectiveAssignee(id, names[id], null));
    }
}
