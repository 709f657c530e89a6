using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Safety;

public sealed record BlockedMemberView(long MemberId, string DisplayName, DateTimeOffset BlockedAt);

public sealed record PreferencesView(WhoMayStart WhoMayStart, IReadOnlyList<BlockedMemberView> Blocked);

/// <summary>The signed-in member's privacy choice and block list.</summary>
public sealed class GetPreferences(MessagingDbContext db)
{
    public async Task<PreferencesView> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var choice = await db.MemberPreferences.AsNoTracking()
            .Where(p => p.MemberId == me.MemberId)
            .Select(p => (WhoMayStart?)p.WhoMayStart)
            .FirstOrDefaultAsync(ct);
        var blocked = await db.MemberBlocks.AsNoTracking()
            .Where(b => b.BlockerMemberId == me.MemberId)
            .OrderBy(b => b.Blocked!.DisplayName)
            .Select(b => new BlockedMemberView(b.BlockedMemberId, b.Blocked!.DisplayName, b.CreatedAt))
            .ToListAsync(ct);
        return new PreferencesView(choice ?? WhoMayStart.Everyone, blocked);
    }
}
