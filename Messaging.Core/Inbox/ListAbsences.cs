using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public sealed record AbsenceView(long Id, long MemberId, string MemberName, long CoverMemberId, string CoverName, DateOnly StartsOn, DateOnly EndsOn, bool IsCurrent);

/// <summary>Absences in the workspace that have not ended yet, soonest first (the member's own first).</summary>
public sealed class ListAbsences(MessagingDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<AbsenceView>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return [];
        }

        var today = InboxRules.Today(clock);
        return await db.MemberAbsences.AsNoTracking()
            .Where(a => a.WorkspaceId == me.WorkspaceId && a.EndsOn >= today)
            .OrderByDescending(a => a.MemberId == me.MemberId).ThenBy(a => a.StartsOn)
            .Select(a => new AbsenceView(a.Id, a.MemberId, a.Member!.DisplayName, a.CoverMemberId, a.Cover!.DisplayName, a.StartsOn, a.EndsOn, a.StartsOn <= today))
            .ToListAsync(ct);
    }
}
