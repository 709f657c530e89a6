using Messaging.Core.Access;
using Messaging.Core.Members;
using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Members;

/// <summary>The workspace's members (Admins only), and adding one by email.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListMembers list, MemberAccounts accounts) : PageModel
{
    public sealed class AddInput
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public MemberKind Kind { get; set; } = MemberKind.Client;

        public StaffRole? Role { get; set; }

        public bool IsSubcontractor { get; set; }
    }

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    [BindProperty]
    public AddInput Input { get; set; } = new();

    [TempData]
    public string? Added { get; set; }

    [TempData]
    public string? ActivationLink { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Members = await list.HandleAsync(await accessor.RequireAsync(ct), null, ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var result = await accounts.InviteAsync(me, new AddMemberCommand(Input.Email, Input.DisplayName, Input.Kind, Input.Role, Input.IsSubcontractor), Request, ct);
        ActivationLink = result.Value?.ActivationLink;
        return await this.AnswerAsync(result, added => this.RedirectWithNotice("/admin/members", added.Notice, nameof(Added)), () => this.FieldAgainAsync(result, async () => Members = await list.HandleAsync(me, null, ct), "Input."));
    }
}
