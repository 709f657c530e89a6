using Messaging.Core.Projects;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Portal.Pages.Projects;

/// <summary>A client's projects: the invitations they accept (or decline) and the projects they are on, with their thread.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListMyProjects list, Lazy<RespondToInvitation> respond) : PageModel
{
    public IReadOnlyList<MyProject> Projects { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Projects = await list.HandleAsync(await accessor.RequireAsync(ct), ct);

    public async Task<IActionResult> OnPostAcceptAsync(long projectId, CancellationToken ct) => await RespondAsync(projectId, true, ct);

    public async Task<IActionResult> OnPostDeclineAsync(long projectId, CancellationToken ct) => await RespondAsync(projectId, false, ct);

    private async Task<IActionResult> RespondAsync(long projectId, bool accept, CancellationToken ct) =>
        await this.SavedAsync(
            await respond.Value.HandleAsync(await accessor.RequireAsync(ct), projectId, accept, ct),
            "/portal/projects",
            _ => accept ? "You accepted the project. Its thread is in your messages." : "You declined the invitation.",
            async error =>
            {
                Error = error;
                await OnGetAsync(ct);
                return Page();
            },
            StatusCodes.Status422UnprocessableEntity);
}
