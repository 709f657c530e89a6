using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Api;

/// <summary>A token as its owner's list shows it: never the token, only its first characters.</summary>
public sealed record ApiTokenRow(
    long Id,
    string Name,
    string Prefix,
    ApiTokenScope Scope,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>The member's own tokens, newest first, with when each was last used; expired and revoked ones stay listed as such.</summary>
public sealed class ListApiTokens(MessagingDbContext db)
{
    public async Task<IReadOnlyList<ApiTokenRow>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        return await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.MemberId == memberId)
            .OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.Scope, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }
}
