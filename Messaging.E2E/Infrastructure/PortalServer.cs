using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Npgsql;

namespace Messaging.E2E.Infrastructure;

/// <summary>
/// The portal as users get it: the built web app started as its own process on a free port, with a
/// fresh database, plus one headless Debian Chromium. Shared by every browser test (one collection).
/// </summary>
public class PortalServer : IAsyncLifetime
{
    private readonly StringBuilder serverLog = new();
    private Process? process;
    private string? database;
    private IPlaywright? playwright;
    private readonly Dictionary<string, string> storageStates = new(StringComparer.Ordinal);

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The portal's process, for measuring it (e.g. its memory while a large file is uploaded).</summary>
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The portal is not running.");

    /// <summary>The portal's blob store folder (attachments); removed with the database.</summary>
    public string FilesRoot { get; private set; } = "";

    public static string OutputDirectory =>
        Environment.GetEnvironmentVariable("MESSAGING_TEST_OUTPUT") ?? Path.Combine(FindRoot(), "test-output");

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MESSAGING_TEST_PG")
        ?? throw new InvalidOperationException("MESSAGING_TEST_PG is not set: run the tests with ./test.sh.");

    /// <summary>Settings (environment variables) a derived server adds to the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        database = $"e2e_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

        var root = FindRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var webDir = Path.Combine(root, "Messaging.Web");
        var dll = Path.Combine(webDir, "bin", configuration, "net10.0", "Messaging.Web.dll");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Messaging"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Messaging__Live__HeartbeatSeconds"] = "5";
        FilesRoot = Path.Combine(Path.GetTempPath(), "messaging-e2e-files", database);
        start.Environment["Messaging__Files__Root"] = FilesRoot;
        // Deadline reminders would post into the demo's threads while a test reads them; the unit tests run them.
        start.Environment["Messaging__Reminders__Enabled"] = "false";
        // No webhook is posted behind a browser test's back (the demo's webhook points nowhere); the unit tests send them.
        start.Environment["Messaging__Webhooks__Dispatch__Enabled"] = "false";
        foreach (var (name, value) in ExtraSettings)
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal");
        process.OutputDataReceived += (_, e) => { lock (serverLog) { serverLog.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (serverLog) { serverLog.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser context signed in as the account; the sign-in happens once per account and its storage state is reused.</summary>
    public async Task<IBrowserContext> ContextForAsync(string email, int width = 1280, int height = 800, ColorScheme scheme = ColorScheme.Light)
    {
        var options = new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, ColorScheme = scheme };
        if (!storageStates.TryGetValue(email, out var state))
        {
            await using var login = await Browser.NewContextAsync(options);
            var page = await login.NewPageAsync();
            await new LoginPage(page).SignInAsync(email);
            state = await login.StorageStateAsync();
            storageStates[email] = state;
        }

        options.StorageState = state;
        return await Browser.NewContextAsync(options);
    }

    /// <summary>A browser with a profile on disk (not incognito), for what Chromium only offers such a profile, like installing the app.</summary>
    public async Task<IBrowserContext> PersistentContextAsync(string userDataDir) =>
        await playwright!.Chromium.LaunchPersistentContextAsync(userDataDir, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            BaseURL = BaseUrl,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

    public string ServerLog()
    {
        lock (serverLog)
        {
            return serverLog.ToString();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }

        if (FilesRoot.Length > 0 && Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode}:\n{ServerLog()}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not become healthy:\n{ServerLog()}");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Messaging.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Messaging.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PortalGroup : ICollectionFixture<PortalServer>
{
    public const string Name = "portal";
}
