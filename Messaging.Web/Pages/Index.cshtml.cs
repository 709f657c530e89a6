using Messaging.Core.Access;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages;

/// <summary>The start page sends each member to their messages (or, with the module off, says so): <see cref="ChooseStartPage"/>.</summary>
[Authorize]
public sealed class IndexModel(CurrentMemberAccessor accessor, ChooseStartPage start) : PageModel
{
    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await accessor.GetAsync(ct);
        Name = me?.DisplayName ?? "";
        return UrlOf(await start.HandleAsync(me, ct), me) is { } url ? Redirect(url) : Page();
    }

    private static string? UrlOf(StartPage page, CurrentMember? me) => page switch
    {
        StartPage.NoMember => "/account/access-denied",
        StartPage.Messages => NavigationModel.MessagesPath(me!),
        StartPage.CompanySettings => "/admin/settings",
        _ => null,
    };
}
