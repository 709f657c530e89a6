using Messaging.Core.Members;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Messaging.Web.Identity;

public static class IdentityServices
{
    /// <summary>Accounts and sign-in: ASP.NET Core Identity on its own DbContext, the auth cookie, and the Data Protection key ring in the database (shared by every node).</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, CookieSecurePolicy cookieSecurity)
    {
        services
            .AddIdentity<PortalUser, IdentityRole<Guid>>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<ActivationLinks>();
        services.AddScoped<MemberAccounts>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<ActivateAccount>();
        services.AddScoped<MemberSessionValidator>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookieSecurity;
            o.SlidingExpiration = true;
            o.EventsType = typeof(MemberSessionValidator);
        });
        services.AddDataProtection().SetApplicationName("messaging-portal").PersistKeysToDbContext<IdentityStoreDbContext>();
        return services;
    }
}
