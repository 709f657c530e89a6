using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Messaging.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(PasswordSignIn signIn) : PageModel
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
        var outcome = await signIn.HandleAsync(Input.Email, Input.Password, ct);
        Error = outcome.Error;
        Response.StatusCode = outcome.Unauthorized ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK;
        return outcome.Succeeded ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/") : Page();
    }
}
