using Messaging.Core.Audit;
using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Messaging.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, RecordSignIn record) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            Error = "Enter your email and password.";
            return Page();
        }

        // The same look-up PasswordSignInAsync(userName, ...) does, kept so the audit entry knows the account.
        var email = Input.Email.Trim();
        var user = await users.FindByNameAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        await record.HandleAsync(user?.Id, email, result.Succeeded, Describe(result, user is not null), ct);
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

    private static string? Describe(Microsoft.AspNetCore.Identity.SignInResult result, bool knownAccount) => result switch
    {
        { Succeeded: true } => null,
        { IsLockedOut: true } => "account locked out",
        { IsNotAllowed: true } => "sign-in not allowed",
        _ when !knownAccount => "no account with this email",
        _ => "wrong password",
    };
}
