using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public sealed record TagView(long Id, string Name);

/// <summary>The workspace's tags, by name.</summary>
public sealed class ListTags(MessagingDbContext db)
{
    public async Task<IReadOnlyList<TagView>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsStaff
            ? await db.WorkspaceTags.AsNoTracking().Where(t => t.WorkspaceId == me.WorkspaceId).OrderBy(t => t.Name).Select(t => new TagView(t.Id, t.Name)).ToListAsync(ct)
            : [];
    }
}

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

/// <summary>Managers remove a tag from the workspace list, which takes it off every conversation.</summary>
public sealed class DeleteTag(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long tagId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var tag = await db.WorkspaceTags.SingleOrDefaultAsync(t => t.Id == tagId && t.WorkspaceId == me.WorkspaceId, ct);
        if (tag is null || !me.IsStaff || !me.Can(Permissions.ManageInbox))
        {
            return Result<long>.NotFound();
        }

        db.WorkspaceTags.Remove(tag);
        audit.Record(me, AuditActions.TagChange, "tag", tag.Id.ToString(CultureInfo.InvariantCulture), $"deleted {tag.Name}");
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(tag.Id);
    }
}

/// <summary>Staff who may assign put a workspace tag on a conversation or take it off; audited and announced to staff.</summary>
public sealed class TagConversation(MessagingDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string TagField = "tagId";

    public async Task<Result<long>> HandleAsync(CurrentMember me, long conversationId, long tagId, bool add, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (conversation, failure) = await InboxRules.FindWorkableAsync(db, me, conversationId, ct);
        if (conversation is null)
        {
            return InboxRules.Refusal<long>(failure);
        }

        var tag = await db.WorkspaceTags.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tagId && t.WorkspaceId == me.WorkspaceId, ct);
        if (tag is null)
        {
            return Result<long>.Invalid(TagField, "Choose a tag from the workspace's list.");
        }

        var existing = await db.ConversationTags.SingleOrDefaultAsync(t => t.ConversationId == conversationId && t.TagId == tagId, ct);
        if (add == (existing is not null))
        {
            return Result<long>.Ok(tagId);
        }

        if (add)
        {
            db.ConversationTags.Add(new ConversationTag { ConversationId = conversationId, TagId = tagId });
        }
        else
        {
            db.ConversationTags.Remove(existing!);
        }

        audit.Record(me, AuditActions.ConversationTag, "conversation", conversationId.ToString(CultureInfo.InvariantCulture), $"{(add ? "added" : "removed")} {tag.Name}");
        db.LiveEvents.Add(InboxRules.Event(conversation, InboxRules.ChangedEvent, me.MemberId, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(tagId);
    }
}
