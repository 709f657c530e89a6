using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Inbox;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary>Coverage: a staff member sets an absence and the teammate who covers; everyone sees who is away.</summary>
[MessagesModule]
public sealed class AbsenceModel(CurrentMemberAccessor accessor, ListAbsences list, SetAbsence set, ListRecipients recipients) : PageModel
{
    [BindProperty]
    public DateOnly? StartsOn { get; set; }

    [BindProperty]
    public DateOnly? EndsOn { get; set; }

    [BindProperty]
    public long? CoverMemberId { get; set; }

    public CurrentMember Me { get; private set; } = null!;

    public IReadOnlyList<AbsenceView> Absences { get; private set; } = [];

    public IReadOnlyList<Recipient> Teammates { get; private set; } = [];

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await set.HandleAsync(await accessor.RequireAsync(ct), StartsOn, EndsOn, CoverMemberId, ct);
        (Error, ErrorField) = (ModelState.IsValid ? result.Error : "Give the dates as year-month-day.", result.Field);
        return await this.AnswerAsync(result, _ => Redirect("/staff/absence"), () => this.PageAgainAsync(() => LoadAsync(ct)), StatusCodes.Status422UnprocessableEntity);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long absenceId, CancellationToken ct)
    {
        var result = await set.RemoveAsync(await accessor.RequireAsync(ct), absenceId, ct);
        return result.Failure == FailureKind.NotFound ? NotFound() : Redirect("/staff/absence");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        Absences = await list.HandleAsync(Me, ct);
        Teammates = (await recipients.HandleAsync(Me, ct)).Recipients
            .Where(r => r.Kind == MemberKind.Staff && r.MemberId != Me.MemberId).DistinctBy(r => r.MemberId).OrderBy(r => r.DisplayName).ToList();
    }
}
