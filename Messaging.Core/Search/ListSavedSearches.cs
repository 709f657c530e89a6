using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Search;

/// <summary>The member's own saved searches, by name (never another member's).</summary>
public sealed class ListSavedSearches(MessagingDbContext db)
{
    public async Task<IReadOnlyList<SavedSearchView>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        return await db.Set<SavedSearch>().AsNoTracking()
            .Where(s => s.MemberId == memberId)
            .OrderBy(s => s.Name)
            .Select(s => new SavedSearchView(s.Id, s.Name, s.Query))
            .ToListAsync(ct);
    }
}

public sealed record SavedSearchView(long Id, string Name, string Query);
