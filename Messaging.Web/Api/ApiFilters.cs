using Messaging.Core.Access;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Messaging.Web.Api;

/// <summary>
/// The API's authorization policy: a token (the only scheme on <c>/api/v1</c>) whose member may view messages. A member
/// the policy refuses gets 404 as on the pages (<see cref="NotFoundWhenForbidden"/>); no token, 401.
/// </summary>
public static class ApiPolicies
{
    public const string Read = "api";

    public static AuthorizationPolicyBuilder Build(AuthorizationPolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiClaims.Token)
            .AddRequirements(new MemberRequirement(m => m.Can(Permissions.View)));
    }
}

/// <summary>Answers 404 on every API route while the workspace's messages module is off, as the pages do.</summary>
public sealed class ApiModuleFilter(CurrentMemberAccessor accessor, GetMessagesModule module) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return await MessagesModuleFilter.IsOnAsync(accessor, module, context.HttpContext.RequestAborted)
            ? await next(context)
            : ApiProblems.NotFound();
    }
}

/// <summary>Writing (sending, uploading) needs a read-write token: a read-only one answers 403.</summary>
public sealed class ApiWriteFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return ApiClaims.CanWrite(context.HttpContext.User)
            ? await next(context)
            : ApiProblems.Problem(StatusCodes.Status403Forbidden, "Not allowed", "This token may only read. Create a read-write token to send messages or upload files.");
    }
}
