using Messaging.Core.Notifications;

namespace Messaging.Tests.Notifications;

/// <summary>The time rules as pure functions.</summary>
public sealed class NotificationScheduleTests
{
    private static readonly NotificationOptions Options = new();
    private static readonly DateTimeOffset At = new(2026, 11, 21, 22, 50, 0, TimeSpan.Zero);

    private static NotificationSettings With(EmailMode mode, string zone = "UTC", int? quietStart = null, int? quietEnd = null) =>
        new() { MemberId = 1, EmailMode = mode, TimeZone = zone, QuietStartMinute = quietStart, QuietEndMinute = quietEnd };

    [Fact]
    public void EachModeHasItsOwnFirstMoment()
    {
        Assert.Equal(At.AddMinutes(5), NotificationSchedule.DueAt(With(EmailMode.Immediate), At, Options));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), NotificationSchedule.DueAt(With(EmailMode.Hourly), At, Options));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), NotificationSchedule.DueAt(With(EmailMode.Daily), At, Options));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(1)), NotificationSchedule.DueAt(With(EmailMode.Daily, "Europe/Berlin"), At, Options));
        Assert.Null(NotificationSchedule.DueAt(With(EmailMode.Off), At, Options));
    }

    [Fact]
    public void QuietHoursThatSpanMidnightEndInTheMembersTimeZone()
    {
        var settings = With(EmailMode.Immediate, "Europe/Berlin", quietStart: 22 * 60, quietEnd: 7 * 60);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.FromHours(1)), NotificationSchedule.QuietUntil(settings, At));
        Assert.Null(NotificationSchedule.QuietUntil(settings, new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));
        Assert.Null(NotificationSchedule.QuietUntil(With(EmailMode.Immediate), At));
    }

    [Fact]
    public void RetriesBackOffUpToAnHour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), NotificationSchedule.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(120), NotificationSchedule.Backoff(3));
        Assert.Equal(TimeSpan.FromHours(1), NotificationSchedule.Backoff(40));
    }
}
