using Messaging.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Account;

/// <summary>
/// Where a newly added member sets their password, from the activation link an Admin got when adding
/// them. The link carries Identity's one-time password-reset token; a used or wrong link is refused.
/// </summary>
[AllowAnonymous]
public sealed class ActivateModel(UserManager<PortalUser> users) : PageModel
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password) || Password != Confirm)
        {
            return Refuse("Enter the same password twice.");
        }

        var user = await users.FindByIdAsync(Uid.ToString());
        if (user is null || string.IsNullOrEmpty(Token))
        {
            return Refuse("This activation link is not valid. Ask your administrator for a new one.");
        }

        var result = await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            var invalidToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            return Refuse(invalidToken
                ? "This activation link is not valid or was already used. Ask your administrator for a new one."
                : string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return Redirect("/account/login?activated=1");
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
