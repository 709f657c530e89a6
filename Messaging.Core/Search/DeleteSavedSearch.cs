using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Search;

/// <summary>Deletes one of the member's own saved searches; anyone else's (or none) is 404.</summary>
public sealed class DeleteSavedSearch(MessagingDbContext db)
{
    public async Task<Result<string>> HandleAsync(CurrentMember me, long savedSearchId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        var search = await db.Set<SavedSearch>().SingleOrDefaultAsync(s => s.Id == savedSearchId && s.MemberId == memberId, ct);
        if (search is null)
        {
            return Result<string>.NotFound();
        }

        db.Remove(search);
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(search.Name);
    }
}
