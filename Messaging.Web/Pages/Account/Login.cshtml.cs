using Messaging.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<PortalUser> signIn) : PageModel
{
    public sealed class LoginInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            Error = "Enter your email and password.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = result switch
        {
            { IsLockedOut: true } => "This account is locked after too many failed sign-in attempts. Try again in 15 minutes.",
            { IsNotAllowed: true } => "This account has been deactivated. Ask your administrator if you need access again.",
            _ => "That email and password do not match an account.",
        };
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
