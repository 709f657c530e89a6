using Messaging.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Messaging.Web.Infrastructure;

/// <summary>Authorization policies that look at the member (kind, role, permission), not at cookie claims that could be stale.</summary>
public static class MemberPolicies
{
    public const string Client = "Client";
    public const string Staff = "Staff";
    public const string Admin = "Admin";
    public const string Manager = "Manager";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Client, p => p.RequireAuthenticatedUser().AddRequirements(new MemberRequirement(m => m.IsClient && m.Can(Permissions.View))));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(new MemberRequirement(m => m.IsStaff && m.Can(Permissions.View))));
        options.AddPolicy(Manager, p => p.RequireAuthenticatedUser().AddRequirements(new MemberRequirement(m => m.SeesWholeWorkspace)));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new MemberRequirement(m => m.IsAdmin)));
        options.AddPolicy(Permissions.View, p => p.RequireAuthenticatedUser().AddRequirements(new MemberRequirement(m => m.Can(Permissions.View))));
    }
}

public sealed class MemberRequirement(Func<CurrentMember, bool> test) : IAuthorizationRequirement
{
    public bool IsMetBy(CurrentMember member) => test(member);
}

public sealed class MemberRequirementHandler(CurrentMemberAccessor accessor) : AuthorizationHandler<MemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MemberRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var member = await accessor.GetAsync();
        if (member is not null && requirement.IsMetBy(member))
        {
            context.Succeed(requirement);
        }
    }
}
