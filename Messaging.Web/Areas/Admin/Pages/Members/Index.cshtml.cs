using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Members;
using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Members;

/// <summary>The workspace's members (Admins only), and adding one by email.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListMembers list, AddMember add, ActivationLinks links) : PageModel
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
        var result = await add.HandleAsync(me, new AddMemberCommand(Input.Email, Input.DisplayName, Input.Kind, Input.Role, Input.IsSubcontractor), ct);
        if (result.Failure == FailureKind.Invalid)
        {
            ModelState.AddModelError($"Input.{result.Field}", result.Error!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Members = await list.HandleAsync(me, null, ct);
            return Page();
        }

        if (!result.Succeeded)
        {
            return NotFound();
        }

        var added = result.Value!;
        Added = added.AccountCreated
            ? $"{added.Email} was added. Send them this activation link so they can set a password:"
            : $"{added.Email} already had an account and can now sign in to this workspace.";
        ActivationLink = added.AccountCreated ? await links.CreateAsync(Request, added.UserId) : null;
        return Redirect("/admin/members");
    }
}
