using Messaging.Core.Access;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages;

/// <summary>The start page sends each member to their messages (or, with the module off, says so).</summary>
[Authorize]
public sealed class IndexModel(CurrentMemberAccessor accessor, GetMessagesModule module) : PageModel
{
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await accessor.GetAsync(ct);
        if (me is null)
        {
            return Redirect("/account/access-denied");
        }

        if (me.Can(Permissions.View) && await module.HandleAsync(me.WorkspaceId, ct))
        {
            return Redirect(NavigationModel.MessagesPath(me));
        }

        if (me.IsAdmin)
        {
            return Redirect("/admin/settings");
        }

        Name = me.DisplayName;
        return Page();
    }
}
