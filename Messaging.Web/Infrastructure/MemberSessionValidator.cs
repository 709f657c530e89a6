using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Messaging.Web.Infrastructure;

/// <summary>
/// Ends a session at its next request once the member behind it is deactivated (or was never a
/// member): the cookie is rejected and removed, so the browser is signed out at once rather than when
/// Identity's security-stamp interval next comes round.
/// </summary>
public static class MemberSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var accessor = context.HttpContext.RequestServices.GetRequiredService<CurrentMemberAccessor>();
        if (await accessor.GetAsync(context.Principal, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
