using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>Company settings (Admins only): for now the messages module switch.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, GetMessagesModule get, SetMessagesModule set) : PageModel
{
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
    public async Task<IActionResult> OnPostFilesAsync([FromForm(Name = "Files")] FileSettingsInput input, [FromServices] SetFileSettings setFiles, CancellationToken ct)
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
