using System.Globalization;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Messaging.Web.Areas.Staff.Pages.Team;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Messages;

/// <summary>
/// The staff view of a thread adds the internal-note form, managing participants and the inbox panel (status,
/// assignee, tags); notes never reach clients. Its use cases are built on first use, like the thread's (a note POST
/// builds none of them).
/// </summary>
public sealed class ThreadModel(
    ThreadPageServices thread,
    Lazy<ListParticipantCandidates> candidates,
    Lazy<AddParticipant> addParticipant,
    Lazy<RemoveParticipant> removeParticipant,
    Lazy<GetInboxPanel> inboxPanel)
    : ThreadPageModel(thread)
{
    public override string BasePath => "/staff/messages";

    public override bool CanWriteNotes => true;

    public IReadOnlyList<ParticipantCandidate> Candidates { get; private set; } = [];

    public string? ParticipantError { get; private set; }

    /// <summary>The conversation's inbox panel; null when the member may not see it.</summary>
    public InboxPanel? InboxPanel { get; private set; }

    public override IReadOnlyList<ThreadPanel> Panels =>
        InboxPanel is null ? [new("Messages/_Participants", this)]
        : [new("Messages/_Participants", this), new("Inbox/_ThreadInbox", new InboxPanelModel(InboxPanel, null))];

    public Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct) => SendAsync(id, MessageVisibility.StaffOnly, ct);

    public async Task<IActionResult> OnPostAddParticipantAsync(long id, long memberId, CancellationToken ct) =>
        await ParticipantsChangedAsync(id, await addParticipant.Value.HandleAsync(await RequireMemberAsync(ct), id, memberId, ct), ct);

    public async Task<IActionResult> OnPostRemoveParticipantAsync(long id, long memberId, CancellationToken ct) =>
        await ParticipantsChangedAsync(id, await removeParticipant.Value.HandleAsync(await RequireMemberAsync(ct), id, memberId, ct), ct);

    protected override async Task LoadExtrasAsync(CancellationToken ct)
    {
        Candidates = await candidates.Value.HandleAsync(Me, Thread.Header.Id, ct);
        InboxPanel = await inboxPanel.Value.HandleAsync(Me, Thread.Header.Id, ct);
    }

    /// <summary>Added or removed: back to the thread at the system message; refused (even when forbidden): the page with the reason, 422.</summary>
    private Task<IActionResult> ParticipantsChangedAsync(long id, Result<long> result, CancellationToken ct) =>
        this.AnswerAsync(
            result,
            message => Redirect(string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}#m-{message}")),
            async () => await LoadAsync(id, null, ct) ? ParticipantsRefused(result.Error) : NotFound(),
            StatusCodes.Status422UnprocessableEntity);

    private PageResult ParticipantsRefused(string? error)
    {
        ParticipantError = error;
        return Page();
    }
}
