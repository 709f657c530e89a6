using System.Globalization;
using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Core.Export;
using Messaging.Core.Inbox;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>
/// Company settings (Admins only): the messages module, messages, deadline reminders, files, read receipts, the inbox and the time zone,
/// each a form of its own. The page loads them all (<see cref="GetCompanySettings"/>); the section partials render them.
/// </summary>
public sealed partial class IndexModel(
    CurrentMemberAccessor accessor,
    GetCompanySettings getSettings,
    SetMessagesModule set,
    SetEditWindow setEditWindow,
    SetFileSettings setFiles,
    SetReadReceiptSetting setReceipts,
    SetInboxSettings setInbox,
    SetWorkspaceTimeZone setZone,
    SetReminderDays setReminders) : PageModel
{
    private const string SettingsUrl = "/admin/settings";

    private MessageSettingsForm? typedMessages;

    /// <summary>What is stored, as the sections show it.</summary>
    public CompanySettings Settings { get; private set; } = null!;

    /// <summary>The "Messages" section (edit window), with the value typed and its error when refused.</summary>
    public MessageSettingsForm MessageSettings =>
        typedMessages ?? new(Settings.Messages.EditWindowMinutes.ToString(CultureInfo.InvariantCulture), null, null);

    [BindProperty]
    public bool MessagesEnabled { get; set; }

    [TempData]
    public string? Saved { get; set; }

    /// <summary>The file settings as posted, after a refused save (shown again with the reason); null shows what is stored.</summary>
    public FileSettingsInput? FileForm { get; private set; }

    public Result<FileSettings>? FileRefusal { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The "Messages" section: the edit window in minutes. Refused input comes back with the reason (422), nothing saved.</summary>
    public async Task<IActionResult> OnPostMessagesAsync(string? editWindowMinutes, CancellationToken ct)
    {
        var result = await setEditWindow.HandleAsync(await accessor.RequireAsync(ct), editWindowMinutes, ct);
        typedMessages = new MessageSettingsForm(editWindowMinutes ?? "", result.Error, null);
        return await this.ForbidOr(result, minutes => this.RedirectWithNotice(SettingsUrl, EditWindowSaved(minutes)), AgainAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.ForbidOr(
            await set.HandleAsync(await accessor.RequireAsync(ct), MessagesEnabled, ct),
            on => this.RedirectWithNotice(SettingsUrl, on ? "Messages are switched on." : "Messages are switched off. Nothing was deleted."),
            AgainAsync(ct));

    /// <summary>The file limits section (its own form, see _FileSettings): validated and audited by <see cref="SetFileSettings"/>.</summary>
    public async Task<IActionResult> OnPostFilesAsync([FromForm(Name = "Files")] FileSettingsInput input, CancellationToken ct)
    {
        var result = await setFiles.HandleAsync(await accessor.RequireAsync(ct), input, ct);
        (FileForm, FileRefusal) = (input, result);
        return await this.ForbidOr(result, _ => this.RedirectWithNotice(SettingsUrl, "File settings saved."), AgainAsync(ct));
    }

    private static string EditWindowSaved(int minutes) => minutes == 0
        ? "Message settings saved: editing is turned off."
        : string.Create(CultureInfo.InvariantCulture, $"Message settings saved: messages can be edited for {minutes} minutes after sending.");

    /// <summary>A refused section: the whole page again, with what is stored in the other sections.</summary>
    private Func<Task<IActionResult>> AgainAsync(CancellationToken ct) => () => this.PageAgainAsync(() => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await getSettings.HandleAsync(await accessor.RequireAsync(ct), ct);
        MessagesEnabled = Settings.MessagesEnabled;
    }
}

/// <summary>The edit-window field of the settings page: the value shown (as typed when refused) and its error.</summary>
public sealed record MessageSettingsForm(string EditWindowMinutes, string? Error, string? Saved);
