using System.Globalization;
using Htmx;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.ConversationState;
using Messaging.Core.Scheduling;
using Messaging.Web.Infrastructure;
using Messaging.Web.Live;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Messages;

/// <summary>
/// The thread's conversation-state handlers (issue 8): the receipt line, who is online, and the author's
/// scheduled messages (schedule, edit, cancel). Fragments for htmx; the scheduling posts also work as
/// plain form posts. Services come per handler so the thread pages' constructors stay as they are.
/// </summary>
public abstract partial class ThreadPageModel
{
    public async Task<IActionResult> OnGetReceiptsAsync(
        long id, [FromServices] CanSeeConversation canSee, [FromServices] GetReadReceipts receipts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(canSee);
        ArgumentNullException.ThrowIfNull(receipts);
        var me = await RequireMemberAsync(ct);
        if (!await canSee.HandleAsync(me, id, ct))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Partial("Messages/_ReadReceipt", new ReadReceiptModel(await receipts.HandleAsync(me, id, ct)));
    }

    public async Task<IActionResult> OnGetPresenceAsync(
        long id, [FromServices] ListConversationPeople people, [FromServices] PresenceTracker presence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(presence);
        var others = await people.HandleAsync(await RequireMemberAsync(ct), id, ct);
        if (others is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Partial("Messages/_Presence", new PresenceModel(others.Select(p => new PresenceEntry(p.MemberId, p.DisplayName, presence.IsOnline(p.MemberId))).ToList()));
    }

    public async Task<IActionResult> OnGetScheduledAsync(
        long id, [FromServices] CanSeeConversation canSee, [FromServices] ListScheduledMessages scheduled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(canSee);
        ArgumentNullException.ThrowIfNull(scheduled);
        var me = await RequireMemberAsync(ct);
        if (!await canSee.HandleAsync(me, id, ct))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Partial("Messages/_ScheduledMessages", new ScheduledListModel(ThreadUrl(id), await scheduled.HandleAsync(me, id, ct)));
    }

    /// <summary>"Schedule" in the reply form: the typed reply, to be sent at the chosen time.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(
        long id, string? scheduleAt, int? timeZoneOffset, [FromServices] ScheduleMessage schedule, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var me = await RequireMemberAsync(ct);
        var result = await schedule.HandleAsync(
            me, new ScheduleMessageCommand(id, Input.Body, LocalTimeInput.Parse(scheduleAt, timeZoneOffset), Input.IdempotencyKey), ct);
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        var action = ThreadUrl(id) + "?handler=Reply";
        if (result.Succeeded)
        {
            if (!Request.IsHtmx())
            {
                return Redirect(ThreadUrl(id) + "#scheduled");
            }

            Response.Htmx(h => h.WithTrigger("scheduled-changed"));
            return Partial("Messages/_ComposeForm", ComposeFormModel.Empty(action, isNote: false));
        }

        // Refused: the form again with the text and the chosen time kept; nothing was stored.
        Response.StatusCode = result.Failure == FailureKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        var timeError = result.Field == ScheduleRules.TimeField;
        HttpContext.Items[ScheduleViewData.Time] = scheduleAt;
        HttpContext.Items[ScheduleViewData.Error] = timeError ? result.Error : null;
        var form = new ComposeFormModel(action, Input.IdempotencyKey ?? Guid.NewGuid(), Input.Body, timeError ? null : result.Error, IsNote: false);
        if (Request.IsHtmx())
        {
            return Partial("Messages/_ComposeForm", form);
        }

        await LoadAsync(id, null, ct);
        Reply = form;
        return Page();
    }

    public async Task<IActionResult> OnPostEditScheduledAsync(
        long id, long scheduledId, string? body, string? scheduleAt, int? timeZoneOffset,
        [FromServices] EditScheduledMessage edit, [FromServices] ListScheduledMessages scheduled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var me = await RequireMemberAsync(ct);
        var result = await edit.HandleAsync(me, new EditScheduledMessageCommand(id, scheduledId, body, LocalTimeInput.Parse(scheduleAt, timeZoneOffset)), ct);
        return await ScheduledChangedAsync(id, result, new ScheduledItemError(scheduledId, result.Error ?? "", body, scheduleAt), scheduled, ct);
    }

    public async Task<IActionResult> OnPostCancelScheduledAsync(
        long id, long scheduledId, [FromServices] CancelScheduledMessage cancel, [FromServices] ListScheduledMessages scheduled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        var result = await cancel.HandleAsync(await RequireMemberAsync(ct), id, scheduledId, ct);
        return await ScheduledChangedAsync(id, result, new ScheduledItemError(scheduledId, result.Error ?? "", null, null), scheduled, ct);
    }

    private async Task<IActionResult> ScheduledChangedAsync(
        long id, Result<long> result, ScheduledItemError refusal, ListScheduledMessages scheduled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Response.StatusCode = result.Failure == FailureKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
            HttpContext.Items[ScheduleViewData.ItemError] = refusal;
        }

        if (Request.IsHtmx())
        {
            var error = result.Succeeded ? null : refusal;
            return Partial("Messages/_ScheduledMessages", new ScheduledListModel(ThreadUrl(id), await scheduled.HandleAsync(Me, id, ct), error));
        }

        if (result.Succeeded)
        {
            return Redirect(ThreadUrl(id) + "#scheduled");
        }

        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    private string ThreadUrl(long id) => string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}");
}

/// <summary>Keys (in <c>HttpContext.Items</c>) under which a refused scheduling post hands what was typed to the partials that show it.</summary>
public static class ScheduleViewData
{
    public const string Time = "ScheduleAt";
    public const string Error = "ScheduleError";
    public const string ItemError = "ScheduledItemError";
}
