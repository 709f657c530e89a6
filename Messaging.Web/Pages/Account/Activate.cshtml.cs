using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Account;

/// <summary>
/// Where a newly added member sets their password, from the activation link an Admin got when adding
/// them. The link carries Identity's one-time password-reset token; a used or wrong link is refused.
/// </summary>
[AllowAnonymous]
public sealed class ActivateModel(ActivateAccount activate) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Uid { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await activate.HandleAsync(new ActivateAccountCommand(Uid, Token, Password, Confirm), ct);
        Error = result.Error;
        return await this.Answer(result, _ => Redirect("/account/login?activated=1"), Page);
    }
}
