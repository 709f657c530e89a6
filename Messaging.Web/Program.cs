using Messaging.Core;
using Messaging.Core.Data;
using Messaging.Web;
using Messaging.Web.Api;
using Messaging.Web.Attachments;
using Messaging.Web.Exports;
using Messaging.Web.Identity;
using Messaging.Web.Infrastructure;
using Messaging.Web.Live;
using Messaging.Web.Notifications;
using Messaging.Web.Search;
using Messaging.Web.Seeding;
using Messaging.Web.Webhooks;
using Microsoft.EntityFrameworkCore;

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

// What the portal is made of, one entry per folder (each in its folder's *Services.cs).
builder.Services.AddPortalDatabase(connectionString);
builder.Services.AddPortalIdentity(cookieSecurity);
builder.Services.AddPortalApi();
builder.Services.AddPortalErrors();
builder.Services.AddPortalRateLimits(builder.Configuration);
builder.Services.AddPortalFiles(builder.Configuration);
builder.Services.AddPortalExports(builder.Configuration);
builder.Services.AddPortalAccess();
builder.Services.AddMessagePages();
builder.Services.AddDemoSeed();
builder.Services.AddLive();
builder.Services.AddConversationState(builder.Configuration);
builder.Services.AddPortalNotifications(builder.Configuration);
builder.Services.AddPortalPages(cookieSecurity);
builder.Services.AddPortalSearch(builder.Configuration);
builder.Services.AddPortalWebhooks(builder.Configuration);

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
if (await app.RebuildSearchIndexIfAskedAsync(args) is { } rebuilt)
{
    return rebuilt;
}

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
app.UseApiProblems();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseUploadLimits();
app.UseInputGuard();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthChecks("/healthz");

// Liveness without the database: the process answers. Also the benchmark's trivial-endpoint baseline.
app.MapHealthChecks("/healthz/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapLive();
app.MapInboundEmail();
app.MapRazorPages();
app.MapPortalApi();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program
{
}
