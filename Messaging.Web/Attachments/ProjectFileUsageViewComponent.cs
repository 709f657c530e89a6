using Messaging.Core.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Attachments;

/// <summary>A project's storage use against its quota, on the project page; nothing when the member may not see it.</summary>
public sealed class ProjectFileUsageViewComponent(CurrentMemberAccessor accessor, ProjectFileUsage usage) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long projectId)
    {
        var ct = HttpContext.RequestAborted;
        return View(new ProjectFileUsageModel(projectId, await usage.HandleAsync(await accessor.RequireAsync(ct), projectId, ct)));
    }
}

public sealed record ProjectFileUsageModel(long ProjectId, FileUsage? Usage);
