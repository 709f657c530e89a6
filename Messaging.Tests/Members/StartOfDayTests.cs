using Messaging.Core.Common;
using Messaging.Core.Members;

namespace Messaging.Tests.Members;

/// <summary>Where a member's calendar day begins, including on the days a clock change moves or repeats midnight.</summary>
public sealed class StartOfDayTests
{
    private static DateTimeOffset Start(string day, string zone) =>
        TimeZones.StartOfDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Theory]
    [InlineData("2026-11-01", "UTC", "2026-11-01T00:00:00Z")]
    [InlineData("2026-11-01", "Europe/Berlin", "2026-10-31T23:00:00Z")]
    [InlineData("2026-07-01", "Europe/Berlin", "2026-06-30T22:00:00Z")]
    [InlineData("2026-11-01", "Pacific/Auckland", "2026-10-31T11:00:00Z")]
    [InlineData("2026-11-01", "America/New_York", "2026-11-01T04:00:00Z")]
    // Chile moves its clocks from 00:00 to 01:00 on 6 September 2026: the day begins at the jump.
    [InlineData("2026-09-06", "America/Santiago", "2026-09-06T04:00:00Z")]
    // Cuba goes back from 01:00 to 00:00 on 1 November 2026: midnight comes twice, the day begins at the first.
    [InlineData("2026-11-01", "America/Havana", "2026-11-01T04:00:00Z")]
    public void ADayBeginsAtLocalMidnight(string day, string zone, string expected)
    {
        var start = Start(day, zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
    }
}
