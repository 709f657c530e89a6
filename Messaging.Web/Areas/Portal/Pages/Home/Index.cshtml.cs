using Messaging.Core.Home;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Portal.Pages.Home;

/// <summary>A client's home (<see cref="GetClientHome"/>); the widgets reload themselves on every live message (<c>?handler=Widgets</c>).</summary>
[MessagesModule]
public sealed class IndexModel(CurrentMemberAccessor accessor, GetClientHome home) : PageModel
{
    public ClientHome Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Home = await home.HandleAsync(await accessor.RequireAsync(ct), ct);

    public async Task<IActionResult> OnGetWidgetsAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return Partial("Home/_ClientWidgets", Home);
    }
}
