using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Infrastructure;

/// <summary>
/// The real application in a test server, on its own migrated and seeded PostgreSQL database. One per
/// test class (a class fixture), so classes run in parallel without sharing state.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    protected virtual string EnvironmentName => "Testing";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        _ = Server; // starts the app: migrations and demo seed run now
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Messaging", Database.ConnectionString);
        builder.UseSetting("Messaging:SeedDemoData", "true");
        builder.UseSetting("Messaging:Live:HeartbeatSeconds", "1");
        // Many sign-ins and sends per minute from one address are what tests do; RateLimitTests sets low limits.
        builder.UseSetting("Messaging:RateLimits:SendPerMinute", "10000");
        builder.UseSetting("Messaging:RateLimits:SignInPerMinute", "10000");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestClientAddress>());
        ConfigureSettings(builder);
    }

    /// <summary>For derived factories: settings applied after the defaults above.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>Where the test clients send requests: https, since the auth and antiforgery cookies are Secure outside Development.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in as the given demo account.</summary>
    public async Task<PortalClient> SignInAsync(string email)
    {
        var client = NewClient();
        await client.SignInAsync(email);
        return client;
    }

    public PortalClient NewClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress }));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DropAsync();
    }
}

/// <summary>The same application in the Development environment (demo accounts shown on the login page).</summary>
public sealed class DevelopmentPortalFactory : PortalFactory
{
    protected override string EnvironmentName => "Development";
}
