using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Members;
using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Members;

/// <summary>One member (Admins only): role, single permissions, deactivation, and a fresh activation link.</summary>
public sealed class MemberModel(
    CurrentMemberAccessor accessor,
    MemberAccounts accounts,
    ChangeMemberRole changeRole,
    SetPermissionForMember setPermission,
    SetMemberActive setActive) : PageModel
{
    public MemberRow Member { get; private set; } = null!;

    public bool CanOverride => Permissions.CanBeOverridden(Member.Kind, Member.Role);

    public bool HasPassword { get; private set; }

    public string? Error { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    [TempData]
    public string? ActivationLink { get; set; }

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostRoleAsync(long id, StaffRole role, CancellationToken ct) =>
        await DoneAsync(id, await changeRole.HandleAsync(await accessor.RequireAsync(ct), id, role, ct), $"Role changed to {role}.", ct);

    public async Task<IActionResult> OnPostPermissionAsync(long id, string? permission, PermissionSetting setting, CancellationToken ct) =>
        await DoneAsync(id, await setPermission.HandleAsync(await accessor.RequireAsync(ct), id, permission, setting, ct), "Permissions saved.", ct);

    public async Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken ct) =>
        await DoneAsync(id, await setActive.HandleAsync(await accessor.RequireAsync(ct), id, active: false, ct),
            "Deactivated: their sessions have ended and they can no longer sign in. Their messages keep their name.", ct);

    public async Task<IActionResult> OnPostReactivateAsync(long id, CancellationToken ct) =>
        await DoneAsync(id, await setActive.HandleAsync(await accessor.RequireAsync(ct), id, active: true, ct), "Reactivated: they can sign in again.", ct);

    public async Task<IActionResult> OnPostActivationLinkAsync(long id, CancellationToken ct) =>
        (ActivationLink = await accounts.RenewLinkAsync(await accessor.RequireAsync(ct), id, Request, ct)) is null ? NotFound() : Redirect($"/admin/members/{id}");

    private Task<IActionResult> DoneAsync<T>(long id, Result<T> result, string saved, CancellationToken ct) =>
        this.SavedAsync(result, $"/admin/members/{id}", _ => saved, error =>
        {
            Error = error;
            return ShowAsync(id, ct);
        });

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct) =>
        this.PageOrNotFound(await accounts.GetAsync(await accessor.RequireAsync(ct), id, ct), account => (Member, HasPassword) = (account.Member, account.HasPassword));
}
