using Messaging.Core.ProjectThreads;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Projects;

/// <summary>The thread's project panel (brief, dates, checklist, milestones, payment): read by everyone in the thread, edited by staff who may.</summary>
public sealed class ProjectPanelViewComponent(CurrentMemberAccessor accessor, GetProjectPanel panel) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long conversationId)
    {
        var ct = HttpContext.RequestAborted;
        var loaded = await panel.HandleAsync(await accessor.RequireAsync(ct), conversationId, ct);
        return loaded is null ? Content(string.Empty) : View(new ProjectPanelView(loaded, null));
    }
}

/// <summary>The panel and the reason the last edit was refused, if it was.</summary>
public sealed record ProjectPanelView(ProjectPanel Panel, string? Error)
{
    public string Action(string handler) => $"/staff/project-panel/{Panel.ConversationId.ToString(System.Globalization.CultureInfo.InvariantCulture)}?handler={handler}";
}
