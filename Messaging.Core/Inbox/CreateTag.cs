using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>Managers (permission <see cref="Permissions.ManageInbox"/>) add a tag to the workspace list; names are unique regardless of case.</summary>
public sealed class CreateTag(MessagingDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string NameField = "name";

    public async Task<Result<long>> HandleAsync(CurrentMember me, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff || !me.Can(Permissions.ManageInbox))
        {
            return Result<long>.NotFound();
        }

        var clean = (name ?? "").Trim();
        if (clean.Length == 0 || clean.Length > WorkspaceTag.MaxNameLength)
        {
            return Result<long>.Invalid(NameField, $"A tag needs a name of 1 to {WorkspaceTag.MaxNameLength} characters.");
        }

        var names = await db.WorkspaceTags.Where(t => t.WorkspaceId == me.WorkspaceId).Select(t => t.Name).ToListAsync(ct);
        if (names.Contains(clean, StringComparer.OrdinalIgnoreCase))
        {
            return Result<long>.Invalid(NameField, $"There is already a tag named {clean}.");
        }

        var tag = new WorkspaceTag { WorkspaceId = me.WorkspaceId, Name = clean, CreatedAt = clock.GetUtcNow() };
        db.WorkspaceTags.Add(tag);
        audit.Record(me, AuditActions.TagChange, "tag", null, $"created {clean}");
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(tag.Id);
    }
}
