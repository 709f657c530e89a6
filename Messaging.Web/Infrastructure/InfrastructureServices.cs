using Messaging.Core.Access;
using Messaging.Core.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Messaging.Web.Infrastructure;

public static class InfrastructureServices
{
    /// <summary>Unexpected exceptions: ProblemDetails for endpoints and htmx, the error page for pages (<see cref="PortalExceptionHandler"/>).</summary>
    public static IServiceCollection AddPortalErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<PortalExceptionHandler>();
        return services;
    }

    /// <summary>Who is signed in and what they may do: the current member, the request's origin for the audit log, the member policies (a refusal answers 404).</summary>
    public static IServiceCollection AddPortalAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<IRequestOrigin, HttpRequestOrigin>());
        services.AddScoped<CurrentMemberAccessor>();
        services.AddScoped<NavigationModel>();
        services.AddScoped<IAuthorizationHandler, MemberRequirementHandler>();
        services.AddAuthorization(MemberPolicies.Add);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotFoundWhenForbidden>();
        return services;
    }

    /// <summary>Razor Pages with each area's policy, the page filters, lowercase URLs, antiforgery (also for htmx, by header) and the temp-data cookie.</summary>
    public static IServiceCollection AddPortalPages(this IServiceCollection services, CookieSecurePolicy cookieSecurity)
    {
        services.AddRouting(o => o.LowercaseUrls = true);
        services
            .AddRazorPages(o =>
            {
                o.Conventions.AuthorizeAreaFolder("Portal", "/", MemberPolicies.Client);
                o.Conventions.AuthorizeAreaFolder("Staff", "/Messages", MemberPolicies.Staff);
                o.Conventions.AuthorizeAreaFolder("Staff", "/Settings", MemberPolicies.Staff);
                o.Conventions.AuthorizeAreaFolder("Staff", "/Projects", MemberPolicies.Manager);
                o.Conventions.AuthorizeAreaFolder("Staff", "/Team", MemberPolicies.Staff);
                o.Conventions.AuthorizeAreaFolder("Staff", "/Home", MemberPolicies.Staff);
                o.Conventions.AuthorizeAreaFolder("Admin", "/", MemberPolicies.Admin);
                o.Conventions.AuthorizeFolder("/Messages", Permissions.View);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<UnknownHandlerFilter>();
                o.Filters.Add<MessagesModuleFilter>();
            });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookieSecurity;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookieSecurity;
        });
        return services;
    }
}
