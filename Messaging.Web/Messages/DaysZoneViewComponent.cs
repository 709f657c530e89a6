using Messaging.Core.Members;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Messages;

/// <summary>The line under date filters that says in which time zone whole days are counted, with a link to change it.</summary>
public sealed class DaysZoneViewComponent(CurrentMemberAccessor accessor, GetMemberTimeZone zones) : ViewComponent
{
    public sealed record Line(string ZoneId, string SettingsPath);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = await accessor.RequireAsync(HttpContext.RequestAborted);
        var zone = await zones.HandleAsync(me, HttpContext.RequestAborted);
        return View(new Line(zone.Id, NavigationModel.NotificationSettingsPath(me)));
    }
}
