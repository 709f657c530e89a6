using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

/// <summary>
/// Checks an export request: the selection (1 to <see cref="ExportRequest.MaxConversations"/>), that the member
/// may see every conversation in it (any other id makes the whole request not found, before the dates are looked
/// at), and the dates (within <see cref="ExportRange.FirstDay"/>..<see cref="ExportRange.LastDay"/>, end not before start). Counts the messages, which decides whether it runs now
/// or as a background job.
/// </summary>
public sealed class PrepareExport(MessagingDbContext db)
{
    public async Task<Result<ExportPlan>> HandleAsync(CurrentMember me, ExportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.ConversationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return Result<ExportPlan>.Invalid(ExportRequest.SelectionField, "Select at least one conversation to export.");
        }

        if (ids.Count > ExportRequest.MaxConversations)
        {
            return Result<ExportPlan>.Invalid(ExportRequest.SelectionField, $"At most {ExportRequest.MaxConversations} conversations can be exported at once.");
        }

        var conversations = await db.Conversations.AsNoTracking().VisibleTo(me)
            .Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.Id)
            .Select(c => new ExportConversation(
                c.Id,
                c.Subject,
                c.Project != null ? c.Project.Name : null,
                c.Participants.OrderBy(p => p.JoinedAt).ThenBy(p => p.MemberId).Select(p => p.Member!.DisplayName).ToList()))
            .ToListAsync(ct);
        if (conversations.Count != ids.Count)
        {
            return Result<ExportPlan>.NotFound();
        }

        // After the visibility check: a conversation the member may not see is not found, whatever the dates say.
        if (ExportRange.Validate(request.From, request.To) is { } refused)
        {
            return Result<ExportPlan>.Invalid(refused.Field, refused.Error);
        }

        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == me.WorkspaceId)
            .Select(w => new { w.Name, w.TimeZone }).SingleAsync(ct);
        var zone = TimeZones.Find(workspace.TimeZone);
        var plan = new ExportPlan(
            request with { ConversationIds = ids },
            conversations,
            workspace.Name,
            zone,
            request.From is { } from ? TimeZones.StartOfDay(from, zone) : null,
            request.To is { } to ? TimeZones.StartOfDay(to.AddDays(1), zone) : null,
            me.IsStaff && request.IncludeInternalNotes,
            0);
        var count = await ExportQuery.Rows(db, me, plan).CountAsync(ct);
        return Result<ExportPlan>.Ok(plan with { MessageCount = count });
    }
}
