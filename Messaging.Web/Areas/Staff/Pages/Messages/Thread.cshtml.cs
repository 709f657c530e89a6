using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Staff.Pages.Messages;

/// <summary>The staff view of a thread adds the internal-note form and managing participants; notes never reach clients.</summary>
public sealed class ThreadModel(
    CurrentMemberAccessor accessor,
    GetThread getThread,
    ListNewerMessages newer,
    MarkThreadRead markRead,
    SendMessage send,
    ListParticipantCandidates candidates,
    AddParticipant addParticipant,
    RemoveParticipant removeParticipant)
    : ThreadPageModel(accessor, getThread, newer, markRead, send)
{
    public override string BasePath => "/staff/messages";

    public override bool CanWriteNotes => true;

    public IReadOnlyList<ParticipantCandidate> Candidates { get; private set; } = [];

    public string? ParticipantError { get; private set; }

    public Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct) => PostAsync(id, MessageVisibility.StaffOnly, ct);

    public async Task<IActionResult> OnPostAddParticipantAsync(long id, long memberId, CancellationToken ct) =>
        await ParticipantsChangedAsync(id, await addParticipant.HandleAsync(await RequireMemberAsync(ct), id, memberId, ct), ct);

    public async Task<IActionResult> OnPostRemoveParticipantAsync(long id, long memberId, CancellationToken ct) =>
        await ParticipantsChangedAsync(id, await removeParticipant.HandleAsync(await RequireMemberAsync(ct), id, memberId, ct), ct);

    protected override async Task LoadExtrasAsync(CancellationToken ct) =>
        Candidates = await candidates.HandleAsync(Me, Thread.Header.Id, ct);

    private async Task<IActionResult> ParticipantsChangedAsync(long id, Result<long> result, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return Redirect($"{BasePath}/{id}#m-{result.Value}");
        }

        if (result.Failure == FailureKind.NotFound || !await LoadAsync(id, null, ct))
        {
            return NotFound();
        }

        ParticipantError = result.Error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
