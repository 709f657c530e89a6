using System.Globalization;
using System.Security.Claims;
using Messaging.Core.Access;

namespace Messaging.Web.Infrastructure;

/// <summary>The signed-in member of this request, loaded once per request from the database so role and deactivation changes apply at once.</summary>
public sealed class CurrentMemberAccessor(IHttpContextAccessor http, LoadCurrentMember load)
{
    private CurrentMember? member;
    private bool loaded;

    public Task<CurrentMember?> GetAsync(CancellationToken ct = default) => GetAsync(http.HttpContext?.User, ct);

    /// <summary>For the cookie validation, which runs before the principal becomes the request's user.</summary>
    public async Task<CurrentMember?> GetAsync(ClaimsPrincipal? user, CancellationToken ct = default)
    {
        if (loaded)
        {
            return member;
        }

        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user?.Identity?.IsAuthenticated == true && Guid.TryParse(id, out var userId))
        {
            // An API token acts as the one membership it was made in; a browser session as the user's first.
            member = long.TryParse(user.FindFirstValue(Api.ApiClaims.Member), NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
                ? await load.ForMembershipAsync(userId, memberId, ct)
                : await load.HandleAsync(userId, ct);
            loaded = true;
        }

        return member;
    }

    /// <summary>For code that only runs behind the authorization policies, which already required a member.</summary>
    public async Task<CurrentMember> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("No member for this request; the page is missing its authorization policy.");
}
