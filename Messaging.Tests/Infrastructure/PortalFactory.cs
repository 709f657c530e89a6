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
    private readonly TestDatabase? shared;

    public PortalFactory()
    {
    }

    /// <summary>Another node of the same deployment: runs on <paramref name="database"/> and leaves it to its owner.</summary>
    protected PortalFactory(TestDatabase database)
    {
        shared = database;
    }

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>This app's blob store folder (attachments), under the temp folder and removed with the database.</summary>
    public string FilesRoot => Path.Combine(Path.GetTempPath(), "messaging-test-files", Database.Name);

    /// <summary>This node's search index folder: each factory (each node) has its own, as each web node does.</summary>
    public string SearchIndexRoot { get; } = Path.Combine(Path.GetTempPath(), "messaging-test-search", Guid.NewGuid().ToString("N"));

    protected virtual string EnvironmentName => "Testing";

    public async Task InitializeAsync()
    {
        Database = shared ?? await TestDatabase.CreateAsync();
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
        builder.UseSetting("Messaging:RateLimits:VerifyPerMinute", "10000");
        builder.UseSetting("Messaging:RateLimits:ApiPerMinute", "10000");
        // As in production, where the https port is known: plain http requests are redirected to it.
        builder.UseSetting("https_port", "443");
        // Attachments go to a folder of this test class; the cleanup job is run by the tests that test it.
        builder.UseSetting("Messaging:Files:Root", FilesRoot);
        builder.UseSetting("Messaging:Files:CleanupIntervalMinutes", "0");
        builder.UseSetting("Messaging:Search:IndexPath", SearchIndexRoot);
        // Notification emails are sent by the tests that test them (Notifications/, with their own SMTP server).
        builder.UseSetting("Messaging:Notifications:Dispatch:Enabled", "false");
        // Deadline reminders are posted by the tests that test them (Projects/DeadlineReminderTests), never behind a test's back.
        builder.UseSetting("Messaging:Reminders:Enabled", "false");
        // Webhook deliveries are sent by the tests that test them (Webhooks/, with their own receivers).
        builder.UseSetting("Messaging:Webhooks:Dispatch:Enabled", "false");
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
        await DisposeAsync(); // virtual: a derived factory's own clean-up (e.g. its SMTP server) runs too
        await DeleteFolderAsync(SearchIndexRoot);

        if (shared is null)
        {
            await Database.DropAsync();
            await DeleteFolderAsync(FilesRoot);
        }
    }

    /// <summary>
    /// Removes a temporary folder; a file a background writer (the index, a blob upload) was still finishing when the host
    /// stopped can make the first attempt fail with an IOException, so it tries again a few times before giving up on it.
    /// </summary>
    private static async Task DeleteFolderAsync(string path)
    {
        for (var attempt = 1; Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }
}

/// <summary>A second web node on an existing database (for what nodes must share, such as Data Protection keys).</summary>
public sealed class SecondNodeFactory(TestDatabase database) : PortalFactory(database)
{
}

/// <summary>The same application in the Development environment (demo accounts shown on the login page).</summary>
public sealed class DevelopmentPortalFactory : PortalFactory
{
    protected override string EnvironmentName => "Development";
}
