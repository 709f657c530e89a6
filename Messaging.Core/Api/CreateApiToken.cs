using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Api;

public sealed record CreateApiTokenInput(string? Name, ApiTokenScope Scope, int ExpiresInDays);

/// <summary>A token just created: <see cref="Token"/> is shown this once and is stored nowhere.</summary>
public sealed record NewApiToken(long Id, string Name, string Token, ApiTokenScope Scope, DateTimeOffset ExpiresAt);

/// <summary>Creates a personal access token for the signed-in member, in their workspace, with a scope and a lifetime. Audited.</summary>
public sealed class CreateApiToken(MessagingDbContext db, TimeProvider clock, AuditLog audit)
{
    public const string NameField = "Name";

    public const string ExpiryField = "ExpiresInDays";

    /// <summary>A member keeps at most this many tokens that still work.</summary>
    public const int MaxActivePerMember = 20;

    /// <summary>The lifetimes offered, in days.</summary>
    public static IReadOnlyList<int> Lifetimes { get; } = [7, 30, 90, 365];

    public async Task<Result<NewApiToken>> HandleAsync(CurrentMember me, CreateApiTokenInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > ApiToken.MaxNameLength)
        {
            return Result<NewApiToken>.Invalid(NameField, $"Give the token a name of 1 to {ApiToken.MaxNameLength} characters, so you know later what uses it.");
        }

        if (!Lifetimes.Contains(input.ExpiresInDays))
        {
            return Result<NewApiToken>.Invalid(ExpiryField, "Choose when the token expires: in 7, 30, 90 or 365 days.");
        }

        if (!Enum.IsDefined(input.Scope))
        {
            return Result<NewApiToken>.Invalid(NameField, "Choose what the token may do: read, or read and write.");
        }

        var now = clock.GetUtcNow();
        var memberId = me.MemberId;
        var active = await db.Set<ApiToken>().CountAsync(t => t.MemberId == memberId && t.RevokedAt == null && t.ExpiresAt > now, ct);
        if (active >= MaxActivePerMember)
        {
            return Result<NewApiToken>.Invalid(NameField, $"You already have {MaxActivePerMember} tokens that work. Revoke one you no longer use first.");
        }

        var token = ApiTokenSecrets.NewToken();
        var row = new ApiToken
        {
            WorkspaceId = me.WorkspaceId,
            MemberId = memberId,
            Name = name,
            Prefix = ApiTokenSecrets.PrefixOf(token),
            TokenHash = ApiTokenSecrets.Hash(token),
            Scope = input.Scope,
            CreatedAt = now,
            ExpiresAt = now.AddDays(input.ExpiresInDays),
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Record(me, AuditActions.ApiTokenCreate, "api-token", row.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"“{name}”, {input.Scope}, expires {row.ExpiresAt:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return Result<NewApiToken>.Ok(new NewApiToken(row.Id, name, token, row.Scope, row.ExpiresAt));
    }
}
