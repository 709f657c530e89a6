using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>
/// A staff member records their absence and who covers: meanwhile their assigned conversations count
/// as the cover's (worked out when reading; no row is rewritten), and return on their own afterwards.
/// </summary>
public sealed class SetAbsence(MessagingDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string DatesField = "EndsOn";
    public const string CoverField = "CoverMemberId";

    public async Task<Result<long>> HandleAsync(CurrentMember me, DateOnly? startsOn, DateOnly? endsOn, long? coverMemberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return Result<long>.NotFound();
        }

        if (startsOn is not { } start || endsOn is not { } end)
        {
            return Result<long>.Invalid(DatesField, "Give the first and the last day of the absence.");
        }

        if (end < start)
        {
            return Result<long>.Invalid(DatesField, "The absence ends before it starts: the last day must be on or after the first.");
        }

        if (end < InboxRules.Today(clock))
        {
            return Result<long>.Invalid(DatesField, "That absence is already over: the last day is in the past.");
        }

        if (coverMemberId == me.MemberId)
        {
            return Result<long>.Invalid(CoverField, "You cannot cover for yourself: choose a teammate.");
        }

        var cover = await db.Members.AsNoTracking().Where(m => m.Id == coverMemberId && m.WorkspaceId == me.WorkspaceId && m.IsActive)
            .Select(m => new { m.Kind, m.Role }).SingleOrDefaultAsync(ct);
        if (cover is null || cover.Kind != MemberKind.Staff || cover.Role == StaffRole.Viewer)
        {
            return Result<long>.Invalid(CoverField, "Choose a teammate who can answer clients to cover for you.");
        }

        if (await db.MemberAbsences.AnyAsync(a => a.MemberId == me.MemberId && a.StartsOn <= end && a.EndsOn >= start, ct))
        {
            return Result<long>.Invalid(DatesField, "You already have an absence in those days: remove it first.");
        }

        var absence = new MemberAbsence
        {
            WorkspaceId = me.WorkspaceId,
            MemberId = me.MemberId,
            CoverMemberId = coverMemberId!.Value,
            StartsOn = start,
            EndsOn = end,
            CreatedAt = clock.GetUtcNow(),
        };
        db.MemberAbsences.Add(absence);
        audit.Record(me, AuditActions.AbsenceChange, "member", me.MemberId.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"away {start:yyyy-MM-dd} to {end:yyyy-MM-dd}, covered by member {coverMemberId}"));
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(absence.Id);
    }

    /// <summary>Removes one of the member's own absences (ending it early); another's is not found.</summary>
    public async Task<Result<long>> RemoveAsync(CurrentMember me, long absenceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var absence = await db.MemberAbsences.SingleOrDefaultAsync(a => a.Id == absenceId && a.MemberId == me.MemberId, ct);
        if (absence is null)
        {
            return Result<long>.NotFound();
        }

        db.MemberAbsences.Remove(absence);
        audit.Record(me, AuditActions.AbsenceChange, "member", me.MemberId.ToString(CultureInfo.InvariantCulture), "absence removed");
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(absenceId);
    }
}
