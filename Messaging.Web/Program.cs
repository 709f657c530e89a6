using Messaging.Core;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Messaging.Core.Members;
using Messaging.Web;
using Messaging.Web.Attachments;
using Messaging.Web.Exports;
using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Messaging.Web.Live;
using Messaging.Web.Notifications;
using Messaging.Web.Seeding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Messaging");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("No database configured: set ConnectionStrings__Messaging, or start the portal with ./run.sh, which starts a private PostgreSQL.");
    return 2;
}

connectionString = PlannerSettings.Apply(connectionString);

// HTTPS only (redirect, HSTS, Secure cookies) everywhere but Development, unless turned off for a
// plain-http deployment (see docs/architecture-notes.md).
var requireHttps = builder.Configuration.GetValue("Messaging:RequireHttps", !builder.Environment.IsDevelopment());
var cookieSecurity = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

builder.Services.AddMessagingCore();
builder.Services.AddScoped<LiveEventNotifier>();
builder.Services.AddDbContext<MessagingDbContext>((sp, o) => o
    .UseNpgsql(connectionString)
    .AddInterceptors(sp.GetRequiredService<LiveEventNotifier>()));
builder.Services.AddDbContext<IdentityStoreDbContext>(o => o.UseNpgsql(connectionString));

builder.Services
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
builder.Services.AddScoped<IAccountDirectory, AccountDirectory>();
builder.Services.AddScoped<ActivationLinks>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/access-denied";
    o.Cookie.Name = "portal.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = cookieSecurity;
    o.SlidingExpiration = true;
    o.Events.OnValidatePrincipal = MemberSessionValidator.ValidateAsync;
});
builder.Services.AddDataProtection().SetApplicationName("messaging-portal").PersistKeysToDbContext<IdentityStoreDbContext>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<PortalExceptionHandler>();
builder.Services.AddPortalRateLimits(builder.Configuration);
builder.Services.AddPortalFiles(builder.Configuration);
builder.Services.AddPortalExports(builder.Configuration);

builder.Services.AddHttpContextAccessor();
builder.Services.Replace(ServiceDescriptor.Singleton<IRequestOrigin, HttpRequestOrigin>());
builder.Services.AddScoped<CurrentMemberAccessor>();
builder.Services.AddScoped<NavigationModel>();
builder.Services.AddMessagePages();
builder.Services.AddScoped<IAuthorizationHandler, MemberRequirementHandler>();
builder.Services.AddAuthorization(MemberPolicies.Add);
builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotFoundWhenForbidden>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddLive();
builder.Services.AddConversationState(builder.Configuration);
builder.Services.AddPortalNotifications(builder.Configuration);
builder.Services.AddHealthChecks().AddDbContextCheck<MessagingDbContext>("database");

builder.Services.AddRouting(o => o.LowercaseUrls = true);
builder.Services
    .AddRazorPages(o =>
    {
        o.Conventions.AuthorizeAreaFolder("Portal", "/", MemberPolicies.Client);
        o.Conventions.AuthorizeAreaFolder("Staff", "/Messages", MemberPolicies.Staff);
        o.Conventions.AuthorizeAreaFolder("Staff", "/Settings", MemberPolicies.Staff);
        o.Conventions.AuthorizeAreaFolder("Staff", "/Projects", MemberPolicies.Manager);
        o.Conventions.AuthorizeAreaFolder("Staff", "/Team", MemberPolicies.Staff);
        o.Conventions.AuthorizeAreaFolder("Admin", "/", MemberPolicies.Admin);
        o.Conventions.AuthorizeFolder("/Messages", Permissions.View);
    })
    .AddMvcOptions(o =>
    {
        o.Filters.Add<UnknownHandlerFilter>();
        o.Filters.Add<MessagesModuleFilter>();
    });
builder.Services.AddAntiforgery(o =>
{
    o.HeaderName = "RequestVerificationToken";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = cookieSecurity;
});
builder.Services.Configure<CookieTempDataProviderOptions>(o =>
{
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = cookieSecurity;
});

var app = builder.Build();

if (args.Contains("--print-ef-schema"))
{
    // For writing a new migration: prints the schema EF expects, to diff against the SQL files.
    await using var scope = app.Services.CreateAsyncScope();
    Console.WriteLine(MessagingDbContext.SearchFunctionsSql);
    Console.WriteLine(scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Database.GenerateCreateScript());
    Console.WriteLine(scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>().Database.GenerateCreateScript());
    return 0;
}

await app.PrepareDatabaseAsync();

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

if (requireHttps)
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseUploadLimits();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthChecks("/healthz");

// Liveness without the database: the process answers. Also the benchmark's trivial-endpoint baseline.
app.MapHealthChecks("/healthz/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapLive();
app.MapInboundEmail();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
