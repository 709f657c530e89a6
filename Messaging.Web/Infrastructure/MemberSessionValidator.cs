using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Messaging.Web.Infrastructure;

/// <summary>
/// Ends a session at its next request once the member behind it is deactivated (or was never a
/// member): the cookie is rejected and removed, so the browser is signed out at once rather than when
/// Identity's security-stamp interval next comes round. The auth cookie's events (<c>EventsType</c>), resolved per request.
/// </summary>
public sealed class MemberSessionValidator(CurrentMemberAccessor accessor) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (await accessor.GetAsync(context.Principal, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
