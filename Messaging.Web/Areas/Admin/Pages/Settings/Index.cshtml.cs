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

/// <summary>Company settings (Admins only): for now the messages module switch.</summary>
public sealed partial class IndexModel(
    CurrentMemberAccessor accessor,
    GetMessagesModule get,
    SetMessagesModule set,
    GetMessageSettings getMessageSettings,
    SetEditWindow setEditWindow,
    SetFileSettings setFiles,
    SetReadReceiptSetting setReceipts,
    SetInboxSettings setInbox,
    SetWorkspaceTimeZone setZone) : PageModel
{
    /// <summary>The "Messages" section (edit window), with the value typed and its error when refused.</summary>
    public MessageSettingsForm MessageSettings { get; private set; } = new("", null, null);

    [BindProperty]
    public bool MessagesEnabled { get; set; }

    [TempData]
    public string? Saved { get; set; }

    /// <summary>The file settings as posted, after a refused save (shown again with the reason); null shows what is stored.</summary>
    public FileSettingsInput? FileForm { get; private set; }

    public Result<FileSettings>? FileRefusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        MessagesEnabled = await get.HandleAsync(me.WorkspaceId, ct);
        var settings = await getMessageSettings.HandleAsync(me.WorkspaceId, ct);
        MessageSettings = new MessageSettingsForm(settings.EditWindowMinutes.ToString(CultureInfo.InvariantCulture), null, null);
    }

    /// <summary>The "Messages" section: the edit window in minutes. Refused input comes back with the reason (422), nothing saved.</summary>
    public async Task<IActionResult> OnPostMessagesAsync(string? editWindowMinutes, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var result = await setEditWindow.HandleAsync(me, editWindowMinutes, ct);
        if (result.Failure == FailureKind.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            MessagesEnabled = await get.HandleAsync(me.WorkspaceId, ct);
            MessageSettings = new MessageSettingsForm(editWindowMinutes ?? "", result.Error, null);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Saved = result.Value == 0
            ? "Message settings saved: editing is turned off."
            : string.Create(CultureInfo.InvariantCulture, $"Message settings saved: messages can be edited for {result.Value} minutes after sending.");
        return Redirect("/admin/settings");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await set.HandleAsync(await accessor.RequireAsync(ct), MessagesEnabled, ct);
        if (result.Failure == FailureKind.Forbidden)
        {
            return Forbid();
        }

        Saved = MessagesEnabled ? "Messages are switched on." : "Messages are switched off. Nothing was deleted.";
        return Redirect("/admin/settings");
    }

    /// <summary>The file limits section (its own form, see _FileSettings): validated and audited by <see cref="SetFileSettings"/>.</summary>
    public async Task<IActionResult> OnPostFilesAsync([FromForm(Name = "Files")] FileSettingsInput input, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var result = await setFiles.HandleAsync(me, input, ct);
        if (result.Failure == FailureKind.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            FileForm = input;
            FileRefusal = result;
            MessagesEnabled = await get.HandleAsync(me.WorkspaceId, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Saved = "File settings saved.";
        return Redirect("/admin/settings");
    }
}

/// <summary>The edit-window field of the settings page: the value shown (as typed when refused) and its error.</summary>
public sealed record MessageSettingsForm(string EditWindowMinutes, string? Error, string? Saved);
