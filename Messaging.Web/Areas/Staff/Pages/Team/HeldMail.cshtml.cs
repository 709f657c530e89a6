using Messaging.Core.Email;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary><c>/staff/mail/held</c>: mail from unknown senders (or too large, or unreadable), waiting for staff who manage the inbox to release it for a client or discard it.</summary>
[MessagesModule]
public sealed class HeldMailModel(CurrentMemberAccessor accessor, ListHeldMail list, ReleaseHeldMail release, DiscardHeldMail discard) : PageModel
{
    public HeldMailList List { get; private set; } = new([], []);

    public string? Error { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReleaseAsync(long mailId, long clientId, CancellationToken ct)
    {
        var result = await release.HandleAsync(await accessor.RequireAsync(ct), mailId, clientId, ct);
        return await this.AnswerAsync(result, conversation => Redirect($"/staff/messages/{conversation}"), async () =>
        {
            Error = result.Error;
            await LoadAsync(ct);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostDiscardAsync(long mailId, CancellationToken ct)
    {
        var result = await discard.HandleAsync(await accessor.RequireAsync(ct), mailId, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Saved = "The mail is discarded.";
        return Redirect("/staff/mail/held");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await list.HandleAsync(await accessor.RequireAsync(ct), ct) is not { } held)
        {
            return false;
        }

        List = held;
        return true;
    }
}
