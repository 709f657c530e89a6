using Messaging.Core.Projects;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Projects;

/// <summary>The workspace's projects (Managers and Admins), and creating one.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListProjects list, CreateProject create) : PageModel
{
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public ProjectStage Stage { get; set; } = ProjectStage.Active;

    public async Task OnGetAsync(CancellationToken ct) => Projects = await list.HandleAsync(await accessor.RequireAsync(ct), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var result = await create.HandleAsync(me, Name, Stage, ct);
        return await this.AnswerAsync(
            result, project => Redirect($"/staff/projects/{project}"), () => this.FieldAgainAsync(result, async () => Projects = await list.HandleAsync(me, ct)));
    }
}
