using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Messaging.Tests.Infrastructure;

/// <summary>A mail the test SMTP server accepted.</summary>
public sealed record ReceivedMail(string To, IReadOnlyDictionary<string, string> Headers, string Text)
{
    /// <summary>The session was encrypted (STARTTLS or TLS on connect).</summary>
    public bool Tls { get; init; }

    /// <summary>The user the session authenticated as, if it did.</summary>
    public string? Login { get; init; }

    public string Subject => Header("Subject") ?? "";

    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, through scripts/smtp_sink.py) on a free port, writing
/// each accepted mail to a folder that the tests read. Can be stopped and started again on the same port.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly string[] extra;
    private Process? process;

    public SmtpSink()
        : this([])
    {
    }

    /// <summary>With extra arguments of scripts/smtp_sink.py: <c>--cert/--key</c> (STARTTLS, or <c>--implicit-tls</c>), <c>--user/--password</c>.</summary>
    public SmtpSink(params string[] arguments)
    {
        extra = arguments;
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "messaging-test-mail", Guid.NewGuid().ToString("N"));

    public void Start()
    {
        if (process is { HasExited: false })
        {
            return;
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3", ["-u", script, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", Folder, .. extra])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP server");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(); // never outlive the test run, whatever happens to the fixture
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result != "ready")
        {
            throw new InvalidOperationException("The SMTP server did not start: " + process.StandardError.ReadToEnd()
                + " (install python3-aiosmtpd: ./test.sh does)");
        }
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Every mail received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMail> All()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    public void Dispose()
    {
        Stop();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static ReceivedMail Read(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        var headers = root.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
        var to = root.GetProperty("rcpt_tos").EnumerateArray().First().GetString()!;
        return new ReceivedMail(to, headers, root.GetProperty("text").GetString() ?? "")
        {
            Tls = root.TryGetProperty("tls", out var tls) && tls.ValueKind == JsonValueKind.True,
            Login = root.TryGetProperty("login", out var login) && login.ValueKind == JsonValueKind.String ? login.GetString() : null,
        };
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Messaging.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Messaging.sln not found above " + AppContext.BaseDirectory);
    }
}
