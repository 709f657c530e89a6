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
    public void ALocalHourTheClocksSkipIsTakenWhenTheyJump()
    {
        // Berlin, 29 March 2026: at 02:00 CET the clocks go to 03:00 CEST; 02:00-03:00 does not happen.
        var digestAtTwo = new NotificationOptions { DailyDigestHour = 2 };
        var quietUntilHalfPastTwo = With(EmailMode.Immediate, "Europe/Berlin", quietStart: 22 * 60, quietEnd: (2 * 60) + 30);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), NotificationSchedule.DueAt(With(EmailMode.Daily, "Europe/Berlin"), new DateTimeOffset(2026, 3, 28, 20, 0, 0, TimeSpan.Zero), digestAtTwo));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), NotificationSchedule.QuietUntil(quietUntilHalfPastTwo, new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ALocalHourThatComesTwiceIsTakenTheFirstTime()
    {
        // Berlin, 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET; 02:00-03:00 happens twice.
        var digestAtTwo = new NotificationOptions { DailyDigestHour = 2 };
        var quietUntilHalfPastTwo = With(EmailMode.Immediate, "Europe/Berlin", quietStart: 22 * 60, quietEnd: (2 * 60) + 30);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.FromHours(2)), NotificationSchedule.DueAt(With(EmailMode.Daily, "Europe/Berlin"), new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.Zero), digestAtTwo));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), NotificationSchedule.QuietUntil(quietUntilHalfPastTwo, new DateTimeOffset(2026, 10, 24, 21, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void RetriesBackOffUpToAnHour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), NotificationSchedule.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(120), NotificationSchedule.Backoff(3));
        Assert.Equal(TimeSpan.FromHours(1), NotificationSchedule.Backoff(40));
    }
}
