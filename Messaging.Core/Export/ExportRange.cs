using System.Globalization;

namespace Messaging.Core.Export;

/// <summary>Date ranges of exports: whole days in the workspace's time zone, both ends included.</summary>
public static class ExportRange
{
    /// <summary>
    /// The first and last day an export range may name: a day's start and the next day's start must be instants in
    /// every time zone (<see cref="DateOnly.MaxValue"/> has no next day; the first day starts before year 1 east of UTC).
    /// </summary>
    public static readonly DateOnly FirstDay = DateOnly.MinValue.AddDays(1);

    public static readonly DateOnly LastDay = DateOnly.MaxValue.AddDays(-1);

    /// <summary>Why the range is refused (and which field it concerns), or null when it is fine.</summary>
    public static (string Field, string Error)? Validate(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } f, _) when f < FirstDay || f > LastDay => (ExportRequest.FromField, OutOfRange("start", f)),
        (_, { } t) when t < FirstDay || t > LastDay => (ExportRequest.ToField, OutOfRange("end", t)),
        ({ } f, { } t) when t < f => (ExportRequest.ToField,
            $"The end date ({Format(t)}) is before the start date ({Format(f)}). Choose an end date on or after the start date."),
        _ => null,
    };

    public static string Describe(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } f, { } t) => $"{Format(f)} – {Format(t)}",
        ({ } f, null) => $"from {Format(f)}",
        (null, { } t) => $"until {Format(t)}",
        _ => "all messages",
    };

    /// <summary>An instant in the workspace's zone, ISO 8601 with its offset: "2026-03-01T15:05:00+01:00".</summary>
    public static string LocalIso(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>An instant as people read it in the workspace: "2026-03-01 15:05".</summary>
    public static string LocalText(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Utc(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string OutOfRange(string end, DateOnly day) =>
        $"The {end} date ({Format(day)}) is out of range. Choose a date between {Format(FirstDay)} and {Format(LastDay)}.";

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
