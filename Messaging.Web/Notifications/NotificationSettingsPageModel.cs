using System.Globalization;
using Messaging.Core.Common;
using Messaging.Core.Notifications;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Notifications;

/// <summary>The form fields of the notification settings page (quiet hours as <c>HH:mm</c>).</summary>
public sealed class NotificationSettingsForm
{
    public EmailMode? EmailMode { get; set; }

    public bool BrowserEnabled { get; set; }

    public bool SoundEnabled { get; set; }

    public string? QuietStart { get; set; }

    public string? QuietEnd { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>
/// <c>/portal/settings/notifications</c> and <c>/staff/settings/notifications</c>: email mode, desktop
/// notifications and sound, quiet hours and time zone. Shared by both areas; a bad field answers 422 with
/// the form as typed and the reason beside it.
/// </summary>
public abstract class NotificationSettingsPageModel(CurrentMemberAccessor accessor, GetNotificationSettings get, SaveNotificationSettings save) : PageModel
{
    [BindProperty]
    public NotificationSettingsForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public string? ErrorField { get; private set; }

    public string? Error { get; private set; }

    /// <summary>This page's own address (the area decides it).</summary>
    public abstract string Path { get; }

    public static IReadOnlyList<(EmailMode Value, string Label, string Hint)> Modes { get; } =
    [
        (EmailMode.Immediate, "Right away", "One email per conversation when a message stays unread for a few minutes."),
        (EmailMode.Hourly, "Hourly digest", "At most one email an hour, listing every conversation with unread messages."),
        (EmailMode.Daily, "Daily digest", "One email a day, in the morning of your time zone."),
        (EmailMode.Off, "Off", "No emails about messages. You still see unread counts here."),
    ];

    public static IReadOnlyList<string> TimeZones { get; } =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var s = await get.HandleAsync(await accessor.RequireAsync(ct), ct);
        Input = new NotificationSettingsForm
        {
            EmailMode = s.EmailMode,
            BrowserEnabled = s.BrowserEnabled,
            SoundEnabled = s.SoundEnabled,
            QuietStart = Clock(s.QuietStartMinute),
            QuietEnd = Clock(s.QuietEndMinute),
            TimeZone = s.TimeZone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var start = ParseTime(Input.QuietStart);
        var end = ParseTime(Input.QuietEnd);
        Result<NotificationSettings> result = start.Bad || end.Bad
            ? Result<NotificationSettings>.Invalid(SaveNotificationSettings.QuietField, "Enter quiet hours as times, for example 22:00 and 07:00.")
            : await save.HandleAsync(me, new NotificationSettingsInput(Input.EmailMode, Input.BrowserEnabled, Input.SoundEnabled, start.Time, end.Time, Input.TimeZone), ct);
        if (!result.Succeeded)
        {
            ErrorField = result.Field;
            Error = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Saved = "Your notification settings are saved.";
        return Redirect(Path);
    }

    private static string? Clock(int? minute) =>
        minute is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m / 60:00}:{m % 60:00}") : null;

    private static (TimeOnly? Time, bool Bad) ParseTime(string? value) =>
        string.IsNullOrWhiteSpace(value) ? (null, false)
        : TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t, false)
        : (null, true);
}
