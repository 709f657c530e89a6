using Messaging.Core;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Data;
using Messaging.Core.Live;
using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Messaging.Web.Live;
using Messaging.Web.Seeding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Messaging");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("No database configured: set ConnectionStrings__Messaging, or start the portal with ./run.sh, which starts a private PostgreSQL.");
    return 2;
}

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
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/access-denied";
    o.Cookie.Name = "portal.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.SlidingExpiration = true;
});

builder.Services.AddHttpContextAccessor();
builder.Services.Replace(ServiceDescriptor.Singleton<IRequestOrigin, HttpRequestOrigin>());
builder.Services.AddScoped<CurrentMemberAccessor>();
builder.Services.AddScoped<NavigationModel>();
builder.Services.AddScoped<IAuthorizationHandler, MemberRequirementHandler>();
builder.Services.AddAuthorization(MemberPolicies.Add);
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddSingleton<EventHub>();
builder.Services.AddHostedService<PostgresEventListener>();
builder.Services.AddHealthChecks().AddDbContextCheck<MessagingDbContext>("database");

builder.Services.AddRouting(o => o.LowercaseUrls = true);
builder.Services
    .AddRazorPages(o =>
    {
        o.Conventions.AuthorizeAreaFolder("Portal", "/", MemberPolicies.Client);
        o.Conventions.AuthorizeAreaFolder("Staff", "/", MemberPolicies.Staff);
        o.Conventions.AuthorizeAreaFolder("Admin", "/", MemberPolicies.Admin);
        o.Conventions.AuthorizeFolder("/Messages", Permissions.View);
    })
    .AddMvcOptions(o =>
    {
        o.Filters.Add<UnknownHandlerFilter>();
        o.Filters.Add<MessagesModuleFilter>();
    });
builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");

var app = builder.Build();

if (args.Contains("--print-ef-schema"))
{
    // For writing a new migration: prints the schema EF expects, to diff against the SQL files.
    await using var scope = app.Services.CreateAsyncScope();
    Console.WriteLine(scope.ServiceProvider.GetRequiredService<MessagingDbContext>().Database.GenerateCreateScript());
    Console.WriteLine(scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>().Database.GenerateCreateScript());
    return 0;
}

await app.PrepareDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapEventStream();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
