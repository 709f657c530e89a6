using System.Globalization;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>Deadline reminders (<c>_ReminderSettings</c>): how many days before a project deadline its reminder is posted.</summary>
public sealed partial class IndexModel
{
    /// <summary>The days as posted, after a refused save; null shows what is stored.</summary>
    public string? TypedReminderDays { get; private set; }

    public string? ReminderDaysError { get; private set; }

    public async Task<IActionResult> OnPostRemindersAsync(string? reminderDaysBefore, CancellationToken ct)
    {
        var result = await setReminders.HandleAsync(await accessor.RequireAsync(ct), reminderDaysBefore, ct);
        (TypedReminderDays, ReminderDaysError) = (reminderDaysBefore ?? "", result.Error);
        return await this.ForbidOr(result, days => this.RedirectWithNotice(SettingsUrl, RemindersSaved(days)), AgainAsync(ct));
    }

    private static string RemindersSaved(int days) => days switch
    {
        0 => "Deadline reminders saved: a reminder comes only once an item is overdue.",
        1 => "Deadline reminders saved: a reminder comes one day before each deadline, and another once it is overdue.",
        _ => string.Create(CultureInfo.InvariantCulture, $"Deadline reminders saved: a reminder comes {days} days before each deadline, and another once it is overdue."),
    };
}
