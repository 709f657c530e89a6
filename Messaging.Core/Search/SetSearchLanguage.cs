using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Search;

/// <summary>
/// Sets the language a workspace's messages are searched in (Admins; <see cref="SearchAnalyzers.Languages"/>). A
/// change is audited and asks every node to rebuild (<see cref="SearchRebuildRequest"/>), in the same transaction;
/// searches keep using the old index, in the old language, until the new one is swapped in.
/// </summary>
public sealed class SetSearchLanguage(MessagingDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Field = "language";

    /// <summary>True when the language changed (a rebuild was asked for).</summary>
    public async Task<Result<bool>> HandleAsync(CurrentMember me, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return Result<bool>.NotFound();
        }

        if (!SearchAnalyzers.IsKnown(language))
        {
            return Result<bool>.Invalid(Field, "Choose a language from the list.");
        }

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        if (workspace.SearchLanguage == language)
        {
            return Result<bool>.Ok(false);
        }

        audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(CultureInfo.InvariantCulture), $"search language: {workspace.SearchLanguage} → {language}");
        workspace.SearchLanguage = language!;
        db.Add(new SearchRebuildRequest { WorkspaceId = workspace.Id, RequestedByMemberId = me.MemberId, Reason = "language: " + language, RequestedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }
}
