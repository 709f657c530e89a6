using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Messaging.Web.Identity;

/// <summary>Makes the one-time link with which a new member sets their password (until mail delivers it, the Admin passes it on).</summary>
public sealed class ActivationLinks(UserManager<PortalUser> users)
{
    public async Task<string?> CreateAsync(HttpRequest request, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        return string.Create(CultureInfo.InvariantCulture,
            $"{request.Scheme}://{request.Host}/account/activate?uid={userId}&token={Uri.EscapeDataString(token)}");
    }

    public async Task<bool> HasPasswordAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) is { } user && await users.HasPasswordAsync(user);
}
