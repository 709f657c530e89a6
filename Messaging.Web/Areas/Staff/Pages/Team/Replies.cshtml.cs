using Messaging.Core.Access;
using Messaging.Core.Inbox;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary>Saved replies: the member's own and the workspace's (Managers save those), with variables filled in when inserted.</summary>
[MessagesModule]
public sealed class RepliesModel(CurrentMemberAccessor accessor, ListSavedReplies list, CreateSavedReply create, DeleteSavedReply delete) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public bool Shared { get; set; }

    public CurrentMember Me { get; private set; } = null!;

    public IReadOnlyList<SavedReplyView> Replies { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(await accessor.RequireAsync(ct), Title, Body, Shared, ct);
        Error = result.Error;
        return await this.AnswerAsync(result, saved => saved.UnknownVariables.Count == 0 ? Task.FromResult<IActionResult>(Redirect("/staff/replies"))
            : SavedWithWarningsAsync(saved, ct), () => this.PageAgainAsync(() => LoadAsync(ct)));
    }

    /// <summary>Saved, with the unknown variables kept as typed: say so on the page instead of redirecting the warning away.</summary>
    private Task<IActionResult> SavedWithWarningsAsync(SavedReplySaved saved, CancellationToken ct)
    {
        (Saved, Warnings, Title, Body) = ($"Saved “{Title?.Trim()}”.", saved.UnknownVariables, null, null);
        return this.PageAgainAsync(() => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostDeleteAsync(long replyId, CancellationToken ct)
    {
        var result = await delete.HandleAsync(await accessor.RequireAsync(ct), replyId, ct);
        return result.Succeeded ? Redirect("/staff/replies") : NotFound();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        Replies = await list.HandleAsync(Me, ct);
    }
}
