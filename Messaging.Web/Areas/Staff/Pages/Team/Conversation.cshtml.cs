using System.Globalization;
using Htmx;
using Messaging.Core.Common;
using Messaging.Core.Inbox;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary>
/// The inbox panel of a staff thread (status, assignee, tags) and its posts. Kept off the thread page
/// so the thread's page model stays as it is; without JavaScript every post redirects back to the thread.
/// </summary>
[MessagesModule]
public sealed class ConversationModel(
    CurrentMemberAccessor accessor, GetInboxPanel panel, AssignConversation assign, SetConversationStatus setStatus, TagConversation tag, RenderSavedReplies replies, AnnounceWorking working) : PageModel
{
    private static string ThreadUrl(long id) => string.Create(CultureInfo.InvariantCulture, $"/staff/messages/{id}");

    public IActionResult OnGet(long id) => Redirect(ThreadUrl(id));

    public async Task<IActionResult> OnGetPanelAsync(long id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return await PanelAsync(id, null, ct);
    }

    /// <summary>The saved-reply picker's list, with the variables filled in for this conversation.</summary>
    public async Task<IActionResult> OnGetRepliesAsync(long id, CancellationToken ct)
    {
        var list = await replies.HandleAsync(await accessor.RequireAsync(ct), id, ct);
        Response.Headers.CacheControl = "no-store";
        return list is null ? NotFound() : Partial("Inbox/_SavedReplyList", list);
    }

    /// <summary>"I am viewing / replying to this thread" for the collision warning (204; 404 for a conversation the member cannot see).</summary>
    public async Task<IActionResult> OnPostWorkingAsync(long id, string? state, CancellationToken ct) =>
        await working.HandleAsync(await accessor.RequireAsync(ct), id, state == "replying", ct) ? new NoContentResult() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(long id, long? memberId, CancellationToken ct) =>
        await AfterAsync(id, await assign.HandleAsync(await accessor.RequireAsync(ct), id, memberId, ct), ct);

    /// <summary>The status comes as text: anything that is not a status name reaches the use case as an undefined value and is refused there.</summary>
    public async Task<IActionResult> OnPostStatusAsync(long id, string? status, CancellationToken ct) =>
        await AfterAsync(id, await setStatus.HandleAsync(
            await accessor.RequireAsync(ct), id, Enum.TryParse<ConversationStatus>(status, out var parsed) ? parsed : (ConversationStatus)(-1), ct), ct);

    public async Task<IActionResult> OnPostTagAsync(long id, long tagId, bool add, CancellationToken ct) =>
        await AfterAsync(id, await tag.HandleAsync(await accessor.RequireAsync(ct), id, tagId, add, ct), ct);

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
        return loaded is null ? NotFound() : Partial("Inbox/_InboxPanel", new InboxPanelModel(loaded, error));
    }
}

public sealed record InboxPanelModel(InboxPanel Panel, string? Error)
{
    public string Action(string handler) => string.Create(CultureInfo.InvariantCulture, $"/staff/inbox/{Panel.ConversationId}?handler={handler}");
}
