namespace Messaging.Core.Common;

/// <summary>
/// The one place time zones are looked up and local wall-clock times become instants. Ids are IANA ids (the
/// browser's and the settings pages'); one this machine does not know counts as UTC. Clock changes: a local time
/// the clocks skip (a gap) is taken at the offset in force before the change, so it lands as far after the jump
/// as it was after the gap's start (02:30 on a spring-forward night at 02:00 is 03:30); a local time that comes
/// twice (an overlap) is the first of the two. So midnight that is skipped starts the day when the clocks jump.
/// </summary>
public static class TimeZones
{
    /// <summary>The zone with this id; UTC when the id is empty or unknown to this machine.</summary>
    public static TimeZoneInfo Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool IsKnown(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>The instant a local wall-clock time names in <paramref name="zone"/>, gaps and overlaps resolved as above; in UTC.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(-12))
            : zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max()
            : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    /// <summary>
    /// The moment <paramref name="day"/> begins in <paramref name="zone"/>: local midnight; where a clock change skips
    /// midnight, when the clocks jump; where midnight comes twice, the first. In UTC, as PostgreSQL's
    /// <c>timestamptz</c> parameters must be.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) =>
        ToInstant(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
