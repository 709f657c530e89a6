using Messaging.Core.Inbox;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Inbox;

/// <summary>The project page's switch for round-robin assignment of new client conversations (the page is for Managers and Admins).</summary>
public sealed class ProjectAutoAssignViewComponent(CurrentMemberAccessor accessor, GetProjectAutoAssign autoAssign) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long projectId)
    {
        var ct = HttpContext.RequestAborted;
        return View(new ProjectAutoAssignModel(projectId, await autoAssign.HandleAsync(await accessor.RequireAsync(ct), projectId, ct)));
    }
}

public sealed record ProjectAutoAssignModel(long ProjectId, bool On);
