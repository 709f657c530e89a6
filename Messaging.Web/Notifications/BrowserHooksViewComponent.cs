using Messaging.Core.Notifications;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Notifications;

/// <summary>
/// What notifications.js needs to know on every page with the live stream: whether the signed-in member wants desktop
/// notifications and a sound while the tab is hidden. Renders nothing for visitors.
/// </summary>
public sealed class BrowserHooksViewComponent(CurrentMemberAccessor accessor, GetNotificationSettings settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = await accessor.GetAsync(HttpContext.RequestAborted);
        return me is null ? Content(string.Empty) : View(await settings.HandleAsync(me, HttpContext.RequestAborted));
    }
}
