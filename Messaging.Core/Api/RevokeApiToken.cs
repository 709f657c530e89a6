using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Api;

/// <summary>Revokes one of the member's own tokens at once (anyone else's, or none, is 404); revoking twice keeps the first time. Audited.</summary>
public sealed class RevokeApiToken(MessagingDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(CurrentMember me, long tokenId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.MemberId == memberId, ct);
        if (token is null)
        {
            return Result<string>.NotFound();
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            audit.Record(me, AuditActions.ApiTokenRevoke, "api-token", token.Id.ToString(CultureInfo.InvariantCulture), $"“{token.Name}”");
            await db.SaveChangesAsync(ct);
        }

        return Result<string>.Ok(token.Name);
    }
}
