using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>
/// What every edit of a project's panel shares. The panel is reached through a conversation of the project: whoever
/// may not see the conversation, or a conversation without a project, gets 404. Staff with
/// <see cref="Permissions.EditProjects"/> who work on the project (its team, or Managers and Admins) edit; anyone else
/// who sees it is refused (403). A change is saved with an audit entry and announced by a system message in the
/// project's threads and the thread it was made in, in one transaction; a refused change stores nothing.
/// </summary>
public sealed class ProjectPanelEdits(MessagingDbContext db, AuditLog audit, ProjectThreadWriter threads, MessageWriter writer)
{
    public const string NotAllowed = "You can't edit this project's panel.";

    /// <summary>What a change did: the system message text; null when nothing changed.</summary>
    public sealed record Change(string? Announcement);

    /// <summary>The project of a conversation the member may see, and whether they may edit its panel; null when not found.</summary>
    public static async Task<(Conversation Conversation, long ProjectId, bool CanEdit)?> ResolveAsync(MessagingDbContext db, CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await db.Conversations.VisibleTo(me).SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation?.ProjectId is not { } projectId)
        {
            return null;
        }

        var canEdit = me.IsStaff && me.Can(Permissions.EditProjects)
            && (me.SeesWholeWorkspace || await db.ProjectMembers.AnyAsync(pm => pm.ProjectId == projectId && pm.MemberId == me.MemberId && pm.Relation == ProjectRelation.Team, ct));
        return (conversation, projectId, canEdit);
    }

    public async Task<Result<long>> RunAsync(CurrentMember me, long conversationId, Func<Project, Task<Result<Change>>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(change);
        var found = await ResolveAsync(db, me, conversationId, ct);
        if (found is not { } f)
        {
            return Result<long>.NotFound();
        }

        if (!f.CanEdit)
        {
            return Result<long>.Forbidden(NotAllowed);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await threads.LockAsync(f.ProjectId, ct);
        var project = await db.Projects.SingleAsync(p => p.Id == f.ProjectId, ct);
        var result = await change(project);
        if (!result.Succeeded)
        {
            return result.Failure == FailureKind.NotFound ? Result<long>.NotFound() : Result<long>.Invalid(result.Field!, result.Error!);
        }

        if (result.Value!.Announcement is not { } text)
        {
            return Result<long>.Ok(0);
        }

        audit.Record(me, AuditActions.ProjectChange, "project", project.Id.ToString(CultureInfo.InvariantCulture), $"{project.Name}: {text}");
        await db.SaveChangesAsync(ct);
        long here = 0;
        var projectThreads = await threads.ThreadsAsync(project.Id, ct);
        if (projectThreads.All(t => t.Id != f.Conversation.Id))
        {
            projectThreads.Add(f.Conversation);
        }

        foreach (var thread in projectThreads)
        {
            var message = await writer.AppendSystemMessageAsync(me, thread, text, MessageVisibility.Everyone, ct);
            here = thread.Id == f.Conversation.Id ? message.Id : here;
        }

        await tx.CommitAsync(ct);
        return Result<long>.Ok(here);
    }
}
