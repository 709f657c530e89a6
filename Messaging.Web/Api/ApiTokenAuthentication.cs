using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Messaging.Core.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Api;

/// <summary>The claims a token's principal carries besides the user id: the membership it acts as, the token and its scope.</summary>
public static class ApiClaims
{
    public const string Member = "api:member";
    public const string Token = "api:token";
    public const string Scope = "api:scope";

    public static bool CanWrite(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(Scope) == nameof(ApiTokenScope.ReadWrite);
    }
}

/// <summary>
/// <c>Authorization: Bearer mpat_…</c> on <c>/api/v1</c> (the only scheme there: the session cookie opens no API route,
/// so a page's visitor cannot be made to call it). A missing token answers 401, a token that is unknown, revoked, expired
/// or whose member is no longer active answers 401 saying which (never whose); a refusal by policy answers 403. Both as
/// ProblemDetails, with <c>WWW-Authenticate: Bearer</c> on 401.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiToken authenticate,
    ApiProblems problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Send the token as \u201CAuthorization: Bearer <token>\u201D.");
        }

        var check = await authenticate.HandleAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check.Grant is not { } grant)
        {
            return AuthenticateResult.Fail(Describe(check.Refusal));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, grant.UserId.ToString()),
                new Claim(ApiClaims.Member, grant.MemberId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ApiClaims.Token, grant.TokenId.ToString(CultureInfo.InvariantCulture)),
                new Claim(ApiClaims.Scope, grant.Scope.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            result.Failure?.Message ?? "This API needs a personal access token: \u201CAuthorization: Bearer <token>\u201D. Create one under API tokens in your settings.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            ApiClaims.CanWrite(Context.User) ? "Your membership does not allow this." : "This token may only read. Create a read-write token to send messages or upload files.");

    private static string Describe(ApiTokenRefusal refusal) => refusal switch
    {
        ApiTokenRefusal.Revoked => "This token was revoked.",
        ApiTokenRefusal.Expired => "This token has expired. Create a new one under API tokens in your settings.",
        ApiTokenRefusal.MemberInactive => "This token's membership is no longer active.",
        _ => "This token is not valid.",
    };
}
