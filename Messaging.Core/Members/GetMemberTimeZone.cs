using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Members;

/// <summary>
/// The time zone a member's calendar days are counted in (search's <c>after:</c> and <c>before:</c>): the zone
/// of their notification settings once they have saved them (the settings page offers the browser's zone),
/// otherwise the workspace's, which an Admin sets. An id this machine does not know counts as UTC.
/// </summary>
public sealed class GetMemberTimeZone(MessagingDbContext db)
{
    public async Task<TimeZoneInfo> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var memberId = me.MemberId;
        var id = await db.Workspaces.AsNoTracking()
            .Where(w => w.Id == me.WorkspaceId)
            .Select(w => db.NotificationSettings.Where(s => s.MemberId == memberId).Select(s => s.TimeZone).FirstOrDefault() ?? w.TimeZone)
            .FirstOrDefaultAsync(ct);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// The moment <paramref name="day"/> begins in <paramref name="zone"/>: local midnight. Where a clock change
    /// skips midnight, the day begins when the clocks jump (midnight at the offset before the change); where
    /// midnight comes twice, at the first. In UTC, as PostgreSQL's <c>timestamptz</c> parameters must be.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(midnight) ? zone.GetUtcOffset(midnight.AddHours(-12))
            : zone.IsAmbiguousTime(midnight) ? zone.GetAmbiguousTimeOffsets(midnight).Max()
            : zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }
}
