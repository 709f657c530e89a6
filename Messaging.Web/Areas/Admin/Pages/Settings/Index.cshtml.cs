using Messaging.Core.Common;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>Company settings (Admins only): for now the messages module switch.</summary>
public sealed partial class IndexModel(CurrentMemberAccessor accessor, GetMessagesModule get, SetMessagesModule set) : PageModel
{
    [BindProperty]
    public bool MessagesEnabled { get; set; }

    [TempData]
    public string? Saved { get; set; }

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
}
