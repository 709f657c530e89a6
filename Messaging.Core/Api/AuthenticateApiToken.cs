using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Api;

/// <summary>Why a presented token does not open the API.</summary>
public enum ApiTokenRefusal
{
    None,
    Unknown,
    Revoked,
    Expired,

    /// <summary>The token's member was deactivated, or its membership is no longer in the token's workspace.</summary>
    MemberInactive,
}

/// <summary>What a valid token grants: whose membership the request acts as, and with which scope.</summary>
public sealed record ApiTokenGrant(long TokenId, long MemberId, Guid UserId, long WorkspaceId, ApiTokenScope Scope);

public sealed record ApiTokenCheck(ApiTokenGrant? Grant, ApiTokenRefusal Refusal)
{
    public static ApiTokenCheck Refused(ApiTokenRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Checks a bearer token: known (by its hash), not revoked, not expired, and its member still active in the token's
/// workspace. Records when it was last used, at most once a minute per token so a busy client does not write a row
/// per request.
/// </summary>
public sealed class AuthenticateApiToken(MessagingDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiTokenCheck> HandleAsync(string? presented, CancellationToken ct)
    {
        if (!ApiTokenSecrets.LooksLikeToken(presented))
        {
            return ApiTokenCheck.Refused(ApiTokenRefusal.Unknown);
        }

        var hash = ApiTokenSecrets.Hash(presented!);
        var token = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new
            {
                t.Id,
                t.MemberId,
                t.WorkspaceId,
                t.Scope,
                t.ExpiresAt,
                t.RevokedAt,
                t.LastUsedAt,
                Member = db.Members.Where(m => m.Id == t.MemberId).Select(m => new { m.UserId, m.WorkspaceId, m.IsActive }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var refusal = token is null ? ApiTokenRefusal.Unknown
            : token.RevokedAt is not null ? ApiTokenRefusal.Revoked
            : token.ExpiresAt <= now ? ApiTokenRefusal.Expired
            : token.Member is not { IsActive: true } || token.Member.WorkspaceId != token.WorkspaceId ? ApiTokenRefusal.MemberInactive
            : ApiTokenRefusal.None;
        if (refusal != ApiTokenRefusal.None)
        {
            return ApiTokenCheck.Refused(refusal);
        }

        if (token!.LastUsedAt is not { } last || now - last >= UseResolution)
        {
            await db.Set<ApiToken>().Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        return new ApiTokenCheck(new ApiTokenGrant(token.Id, token.MemberId, token.Member!.UserId, token.WorkspaceId, token.Scope), ApiTokenRefusal.None);
    }
}
