using System.Globalization;
using Messaging.Core.Common;
using Messaging.Core.Inbox;
using Messaging.Core.Projects;
using Messaging.Core.ProjectThreads;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Projects;

/// <summary>One project (Managers and Admins): its stage, client contacts and team.</summary>
public sealed class ProjectModel(
    CurrentMemberAccessor accessor,
    GetProject get,
    SetProjectStage setStage,
    AddProjectMember addMember,
    RemoveProjectMember removeMember,
    SetProjectAutoAssign setAutoAssign,
    Lazy<SetContactState> setContactState,
    Lazy<SetProjectThreadMode> setThreadMode,
    Lazy<OpenContactThread> openThread) : PageModel
{
    public ProjectDetails Project { get; private set; } = null!;

    public string? Error { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostStageAsync(long id, ProjectStage stage, CancellationToken ct) =>
        await DoneAsync(id, await setStage.HandleAsync(await accessor.RequireAsync(ct), id, stage, ct), $"Stage set to {ProjectStageRules.Label(stage)}.", ct);

    /// <summary>Round-robin assignment of new client conversations (issue 9).</summary>
    public async Task<IActionResult> OnPostAutoAssignAsync(long id, bool on, CancellationToken ct) =>
        await DoneAsync(id, await setAutoAssign.HandleAsync(await accessor.RequireAsync(ct), id, on, ct), on ? "New client conversations are assigned automatically." : "Automatic assignment is off.", ct);

    public async Task<IActionResult> OnPostAddAsync(long id, long memberId, CancellationToken ct) =>
        await DoneAsync(id, await addMember.HandleAsync(await accessor.RequireAsync(ct), id, memberId, ct), "Added to the project.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(long id, long memberId, CancellationToken ct) =>
        await DoneAsync(id, await removeMember.HandleAsync(await accessor.RequireAsync(ct), id, memberId, ct), "Removed from the project.", ct);

    /// <summary>Staff mark a contact Invited, Accepted or Removed.</summary>
    public async Task<IActionResult> OnPostContactAsync(long id, long memberId, ContactState state, CancellationToken ct) =>
        await DoneAsync(id, await setContactState.Value.HandleAsync(await accessor.RequireAsync(ct), id, memberId, state, ct), $"Contact marked {ProjectContacts.Label(state).ToLowerInvariant()}.", ct);

    /// <summary>One shared project thread, or one for each contact.</summary>
    public async Task<IActionResult> OnPostThreadModeAsync(long id, bool perContact, CancellationToken ct) =>
        await DoneAsync(id, await setThreadMode.Value.HandleAsync(await accessor.RequireAsync(ct), id, perContact, ct),
            perContact ? "Each accepted contact gets a thread of their own." : "Accepted contacts join the shared project thread.", ct);

    /// <summary>The Message action of a contact: opens (or starts) their project thread; refused for a contact who has not accepted.</summary>
    public async Task<IActionResult> OnPostMessageAsync(long id, long memberId, CancellationToken ct)
    {
        var result = await openThread.Value.HandleAsync(await accessor.RequireAsync(ct), id, memberId, ct);
        return await this.AnswerAsync(
            result,
            conversation => Redirect(string.Create(CultureInfo.InvariantCulture, $"/staff/messages/{conversation}")),
            async () =>
            {
                Error = result.Error;
                return await ShowAsync(id, ct);
            },
            StatusCodes.Status422UnprocessableEntity);
    }

    private Task<IActionResult> DoneAsync<T>(long id, Result<T> result, string saved, CancellationToken ct) =>
        this.SavedAsync(result, $"/staff/projects/{id}", _ => saved, error =>
        {
            Error = error;
            return ShowAsync(id, ct);
        }, StatusCodes.Status422UnprocessableEntity);

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct) =>
        this.PageOrNotFound(await get.HandleAsync(await accessor.RequireAsync(ct), id, ct), project => Project = project);
}
