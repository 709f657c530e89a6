using System.Globalization;
using Htmx;
using Messaging.Core.Common;
using Messaging.Core.ConversationState;
using Messaging.Core.Scheduling;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Messages;

/// <summary>
/// The thread's conversation-state handlers (issue 8): the receipt line, who is online, and the author's
/// scheduled messages (schedule, edit, cancel). Fragments for htmx; the scheduling posts also work as
/// plain form posts.
/// </summary>
public abstract partial class ThreadPageModel
{
    /// <summary>The refusal of an edit or cancel of a scheduled message, shown at its item when the page is shown again.</summary>
    private ScheduledItemError? scheduledError;

    public async Task<IActionResult> OnGetReceiptsAsync(long id, CancellationToken ct) =>
        await services.CanSee.HandleAsync(await RequireMemberAsync(ct), id, ct)
            ? this.LiveFragment("Messages/_ReadReceipt", new ReadReceiptModel(await services.Receipts.HandleAsync(Me, id, ct)))
            : NotFound();

    public async Task<IActionResult> OnGetPresenceAsync(long id, CancellationToken ct) =>
        await services.People.HandleAsync(await RequireMemberAsync(ct), id, ct) is { } others
            ? this.LiveFragment("Messages/_Presence", PresenceOf(others))
            : NotFound();

    public async Task<IActionResult> OnGetScheduledAsync(long id, CancellationToken ct) =>
        await services.CanSee.HandleAsync(await RequireMemberAsync(ct), id, ct)
            ? this.LiveFragment("Messages/_ScheduledMessages", await ScheduledListAsync(id, null, ct))
            : NotFound();

    /// <summary>"Schedule" in the reply form: the typed reply, to be sent at the chosen time.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(long id, string? scheduleAt, int? timeZoneOffset, CancellationToken ct)
    {
        // The compose form is multipart, and htmx sends its token in a header: model binding then left the fields to the
        // upload reader (as for a reply), which reads them here. A file sent along is not kept: scheduled messages carry none.
        await using var upload = await services.Uploads.ReadAsync(await RequireMemberAsync(ct), id, Request, ct);
        if (upload.NotFound)
        {
            return NotFound();
        }

        if (upload.IsMultipart)
        {
            upload.CopyFieldsTo(Input);
            scheduleAt = upload.Fields.GetValueOrDefault("scheduleAt");
            timeZoneOffset = int.TryParse(upload.Fields.GetValueOrDefault("timeZoneOffset"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }

        var command = new ScheduleMessageCommand(id, Input.Body, LocalTimeInput.Parse(scheduleAt, timeZoneOffset), Input.IdempotencyKey);
        var result = await services.Schedule.HandleAsync(await RequireMemberAsync(ct), command, ct);
        return await this.AnswerAsync(
            result,
            _ => this.FragmentOrRedirect(ThreadUrl(id) + "#scheduled", "Messages/_ComposeForm", ComposeFormModel.Empty(FormAction(id, false), false), "scheduled-changed"),
            () => ComposeAgainAsync(id, isNote: false, ComposeFormModel.RefusedSchedule(FormAction(id, false), Input, result, scheduleAt), ct));
    }

    public async Task<IActionResult> OnPostEditScheduledAsync(long id, long scheduledId, string? body, string? scheduleAt, int? timeZoneOffset, CancellationToken ct)
    {
        var command = new EditScheduledMessageCommand(id, scheduledId, body, LocalTimeInput.Parse(scheduleAt, timeZoneOffset));
        var result = await services.EditScheduled.HandleAsync(await RequireMemberAsync(ct), command, ct);
        return await ScheduledChangedAsync(id, result, new ScheduledItemError(scheduledId, result.Error ?? "", body, scheduleAt), ct);
    }

    public async Task<IActionResult> OnPostCancelScheduledAsync(long id, long scheduledId, CancellationToken ct)
    {
        var result = await services.CancelScheduled.HandleAsync(await RequireMemberAsync(ct), id, scheduledId, ct);
        return await ScheduledChangedAsync(id, result, new ScheduledItemError(scheduledId, result.Error ?? "", null, null), ct);
    }

    /// <summary>After an edit or cancel: htmx gets the list again (with the refusal at its item), a form post the thread.</summary>
    private async Task<IActionResult> ScheduledChangedAsync(long id, Result<long> result, ScheduledItemError refusal, CancellationToken ct)
    {
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        Response.StatusCode = PageResponses.StatusOf(result.Failure);
        return Request.IsHtmx() ? Partial("Messages/_ScheduledMessages", await ScheduledListAsync(id, result.Succeeded ? null : refusal, ct))
            : result.Succeeded ? Redirect(ThreadUrl(id) + "#scheduled")
            : await ShowAgainAsync(id, refusal, ct);
    }

    private async Task<IActionResult> ShowAgainAsync(long id, ScheduledItemError refusal, CancellationToken ct)
    {
        scheduledError = refusal;
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    /// <summary>The receipt line, presence, the member's actions menu and scheduled messages, for the full page.</summary>
    private async Task LoadConversationStateAsync(long id, CancellationToken ct)
    {
        Receipt = new ReadReceiptModel(await services.Receipts.HandleAsync(Me, id, ct));
        Scheduled = await ScheduledListAsync(id, scheduledError, ct);
        MyState = await services.MyState.HandleAsync(Me, id, ct);
        Presence = PresenceOf(await services.People.HandleAsync(Me, id, ct) ?? []);
    }

    private async Task<ScheduledListModel> ScheduledListAsync(long id, ScheduledItemError? error, CancellationToken ct) =>
        new(ThreadUrl(id), await services.Scheduled.HandleAsync(Me, id, ct), error);

    private PresenceModel PresenceOf(IReadOnlyList<ConversationPerson> people) =>
        new(people.Select(p => new PresenceEntry(p.MemberId, p.DisplayName, services.Presence.IsOnline(p.MemberId))).ToList());
}
