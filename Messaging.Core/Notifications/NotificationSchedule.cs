using Messaging.Core.Common;

namespace Messaging.Core.Notifications;

/// <summary>
/// The time rules of email notifications, as pure functions of the settings and the time (tested with a fake clock).
/// Local hours become instants through <see cref="TimeZones"/>, so clock changes are handled as search's days are.
/// </summary>
public static class NotificationSchedule
{
    /// <summary>When a message created at <paramref name="createdAt"/> may first be emailed under this mode; null when the mode is off.</summary>
    public static DateTimeOffset? DueAt(NotificationSettings settings, DateTimeOffset createdAt, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var afterGrace = createdAt.AddMinutes(options.UnreadMinutes);
        return settings.EmailMode switch
        {
            EmailMode.Immediate => afterGrace,
            EmailMode.Hourly => NextFullHour(afterGrace),
            EmailMode.Daily => NextLocalHour(afterGrace, TimeZones.Find(settings.TimeZone), options.DailyDigestHour),
            _ => null,
        };
    }

    /// <summary>When the quiet hours that contain <paramref name="now"/> end; null when <paramref name="now"/> is not in quiet hours.</summary>
    public static DateTimeOffset? QuietUntil(NotificationSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.QuietStartMinute is not { } start || settings.QuietEndMinute is not { } end || start == end)
        {
            return null;
        }

        var zone = TimeZones.Find(settings.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minute = (local.Hour * 60) + local.Minute;
        var inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
        if (!inside)
        {
            return null;
        }

        var endDate = local.Date.AddMinutes(end);
        if (endDate <= local.DateTime)
        {
            endDate = endDate.AddDays(1);
        }

        return TimeZones.ToInstant(endDate, zone);
    }

    /// <summary>The retry delay after the given number of failed attempts: 30 s doubling, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20))));

    private static DateTimeOffset NextFullHour(DateTimeOffset t)
    {
        var floor = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Offset);
        return floor == t ? t : floor.AddHours(1);
    }

    private static DateTimeOffset NextLocalHour(DateTimeOffset t, TimeZoneInfo zone, int hour)
    {
        var local = TimeZoneInfo.ConvertTime(t, zone);
        var candidate = local.Date.AddHours(hour);
        if (candidate < local.DateTime)
        {
            candidate = candidate.AddDays(1);
        }

        return TimeZones.ToInstant(candidate, zone);
    }
}
