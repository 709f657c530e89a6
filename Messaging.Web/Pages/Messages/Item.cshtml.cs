using System.Globalization;
using Htmx;
using Messaging.Core.Common;
using Messaging.Core.Messages;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Messaging.Web.Pages.Messages;

/// <summary>
/// One message, wherever its thread is shown: the fragment a live edit or delete refetches, the staff
/// edit history, and the edit and delete posts. htmx requests get the message fragment back; plain form
/// posts return to the thread (or, when refused, this page with the reason). Unreadable ids are 404.
/// </summary>
[MessagesModule]
public sealed class ItemModel(
    CurrentMemberAccessor accessor, GetMessage get, EditMessage edit, DeleteMessage delete, ListMessageEdits history) : PageModel
{
    public MessageView Message { get; private set; } = null!;

    public string ThreadUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(long messageId, CancellationToken ct)
    {
        Response.Htmx(h => h.WithVary());
        Response.Headers.CacheControl = "no-store";
        return !await LoadAsync(messageId, ct) ? NotFound() : Request.IsHtmx() ? MessageFragment() : Redirect(ThreadUrl);
    }

    public async Task<IActionResult> OnGetHistoryAsync(long messageId, CancellationToken ct)
    {
        var view = await history.HandleAsync(await accessor.RequireAsync(ct), messageId, ct);
        Response.Headers.CacheControl = "no-store";
        return view is null ? NotFound() : Partial("Messages/_EditHistory", view);
    }

    public async Task<IActionResult> OnPostEditAsync(long messageId, string? body, CancellationToken ct) =>
        await ChangedAsync(messageId, await edit.HandleAsync(await accessor.RequireAsync(ct), new EditMessageCommand(messageId, body), ct), body ?? "", ct);

    public async Task<IActionResult> OnPostDeleteAsync(long messageId, CancellationToken ct) =>
        await ChangedAsync(messageId, await delete.HandleAsync(await accessor.RequireAsync(ct), messageId, ct), null, ct);

    /// <summary>After an edit or delete: the message as it is now, with the reason when it was refused (and nothing changed).</summary>
    private async Task<IActionResult> ChangedAsync(long messageId, Result<long> result, string? typed, CancellationToken ct) =>
        result.Failure == FailureKind.NotFound || !await LoadAsync(messageId, ct) ? NotFound()
        : await this.Answer(result, _ => Request.IsHtmx() ? MessageFragment() : Redirect(ThreadUrl), () => Refused(messageId, result.Error, typed));

    /// <summary>The refusal shown at the message (the status is set): the fragment for htmx, this page for a form post.</summary>
    private IActionResult Refused(long messageId, string? error, string? typed)
    {
        ViewData[MessageActionError.ViewDataKey] = new MessageActionError(messageId, error ?? "That did not work.", typed);
        return Request.IsHtmx() ? MessageFragment() : Page();
    }

    /// <summary>The message fragment, with this page's ViewData (which carries a refusal); <c>Partial(...)</c> would start a fresh one.</summary>
    private PartialViewResult MessageFragment() =>
        new() { ViewName = "Messages/_Message", ViewData = new ViewDataDictionary<MessageView>(ViewData, Message) };

    private async Task<bool> LoadAsync(long messageId, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        if (await get.HandleAsync(me, messageId, ct) is not { } found)
        {
            return false;
        }

        Message = found.View;
        ThreadUrl = string.Create(CultureInfo.InvariantCulture, $"{NavigationModel.MessagesPath(me)}/{found.ConversationId}#m-{messageId}");
        return true;
    }
}
