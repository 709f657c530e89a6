using System.Globalization;
using Htmx;
using Messaging.Core.Common;
using Messaging.Core.Projects;
using Messaging.Core.ProjectThreads;
using Messaging.Web.Infrastructure;
using Messaging.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary>
/// The posts of a thread's project panel (the id is the conversation's): brief and dates, payment, checklist items,
/// milestones. Kept off the thread page, like the inbox panel: htmx gets the panel again (and the thread fetches the
/// system message each change posts), a plain post is redirected back to the thread; a refusal shows the panel with
/// the reason (422, or 403 for someone who may read but not edit).
/// </summary>
[MessagesModule]
public sealed class ProjectPanelModel(
    CurrentMemberAccessor accessor,
    GetProjectPanel panel,
    Lazy<SetProjectDetails> details,
    Lazy<SetPaymentState> payment,
    Lazy<AddDeliverable> addItem,
    Lazy<SetDeliverableState> setItem,
    Lazy<AddMilestone> addMilestone,
    Lazy<SetMilestoneProgress> setMilestone) : PageModel
{
    private static string ThreadUrl(long id) => string.Create(CultureInfo.InvariantCulture, $"/staff/messages/{id}#project-panel");

    public IActionResult OnGet(long id) => Redirect(ThreadUrl(id));

    public async Task<IActionResult> OnGetPanelAsync(long id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return await PanelAsync(id, null, ct);
    }

    public async Task<IActionResult> OnPostDetailsAsync(long id, string? brief, string? startsOn, string? dueOn, CancellationToken ct) =>
        await AfterAsync(id, await details.Value.HandleAsync(await accessor.RequireAsync(ct), id, brief, startsOn, dueOn, ct), ct);

    /// <summary>The state comes as text: anything that is not a state name reaches the use case as an undefined value and is refused there.</summary>
    public async Task<IActionResult> OnPostPaymentAsync(long id, string? state, CancellationToken ct) =>
        await AfterAsync(id, await payment.Value.HandleAsync(
            await accessor.RequireAsync(ct), id, Enum.TryParse<PaymentState>(state, out var parsed) ? parsed : (PaymentState)(-1), ct), ct);

    public async Task<IActionResult> OnPostAddItemAsync(long id, string? title, string? dueOn, long? ownerMemberId, CancellationToken ct) =>
        await AfterAsync(id, await addItem.Value.HandleAsync(await accessor.RequireAsync(ct), id, title, dueOn, ownerMemberId, ct), ct);

    public async Task<IActionResult> OnPostItemAsync(long id, long deliverableId, string? state, CancellationToken ct) =>
        await AfterAsync(id, await setItem.Value.HandleAsync(
            await accessor.RequireAsync(ct), id, deliverableId, Enum.TryParse<DeliverableState>(state, out var parsed) ? parsed : (DeliverableState)(-1), ct), ct);

    public async Task<IActionResult> OnPostAddMilestoneAsync(long id, string? title, string? dueOn, CancellationToken ct) =>
        await AfterAsync(id, await addMilestone.Value.HandleAsync(await accessor.RequireAsync(ct), id, title, dueOn, ct), ct);

    public async Task<IActionResult> OnPostMilestoneAsync(long id, long milestoneId, string? progress, CancellationToken ct) =>
        await AfterAsync(id, await setMilestone.Value.HandleAsync(
            await accessor.RequireAsync(ct), id, milestoneId, int.TryParse(progress, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : -1, ct), ct);

    private async Task<IActionResult> AfterAsync<T>(long id, Result<T> result, CancellationToken ct)
    {
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded && !Request.IsHtmx())
        {
            return Redirect(ThreadUrl(id));
        }

        Response.StatusCode = result.Succeeded ? StatusCodes.Status200OK
            : result.Failure == FailureKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        if (result.Succeeded)
        {
            Response.Htmx(h => h.WithTrigger("messages-changed"));
        }

        return await PanelAsync(id, result.Error, ct);
    }

    private async Task<IActionResult> PanelAsync(long id, string? error, CancellationToken ct)
    {
        var loaded = await panel.HandleAsync(await accessor.RequireAsync(ct), id, ct);
        return loaded is null ? NotFound() : Partial("Projects/_ProjectPanel", new ProjectPanelView(loaded, error));
    }
}
