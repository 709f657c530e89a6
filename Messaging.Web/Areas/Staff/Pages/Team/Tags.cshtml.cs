using Messaging.Core.Access;
using Messaging.Core.Inbox;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary>The workspace's tag list: every staff member sees it; Managers and Admins (<see cref="Permissions.ManageInbox"/>) add and remove tags.</summary>
[MessagesModule]
public sealed class TagsModel(CurrentMemberAccessor accessor, ListTags list, CreateTag create, DeleteTag delete) : PageModel
{
    public CurrentMember Me { get; private set; } = null!;

    public IReadOnlyList<TagView> Tags { get; private set; } = [];

    public string? Name { get; private set; }

    public string? Error { get; private set; }

    public bool CanManage => Me.Can(Permissions.ManageInbox);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken ct)
    {
        var result = await create.HandleAsync(await accessor.RequireAsync(ct), name, ct);
        (Name, Error) = (name, result.Error);
        return await this.AnswerAsync(result, _ => Redirect("/staff/tags"), () => this.PageAgainAsync(() => LoadAsync(ct)), StatusCodes.Status422UnprocessableEntity);
    }

    public async Task<IActionResult> OnPostDeleteAsync(long tagId, CancellationToken ct)
    {
        var result = await delete.HandleAsync(await accessor.RequireAsync(ct), tagId, ct);
        return result.Succeeded ? Redirect("/staff/tags") : NotFound();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        Tags = await list.HandleAsync(Me, ct);
    }
}
