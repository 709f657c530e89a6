using System.Diagnostics;
using System.Globalization;

namespace Messaging.Bench.Run;

/// <summary>
/// The portal as a real process: the Release build, Production settings, on loopback only, against
/// the benchmark database. Rate limits are raised so the load is measured rather than refused.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => process.Id;

    public static async Task<AppProcess> StartAsync(string appDll, string connectionString, int port, string logFile, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var info = new ProcessStartInfo("dotnet", [appDll, "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(appDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Messaging"] = connectionString + ";Maximum Pool Size=100";
        info.Environment["Messaging__RequireHttps"] = "false";
        info.Environment["Messaging__RateLimits__SendPerMinute"] = "1000000";
        info.Environment["Messaging__RateLimits__SignInPerMinute"] = "1000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the portal.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode}; see {logFile}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Starting slowly.
            }

            await Task.Delay(250, ct);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"The portal did not answer /healthz within 2 minutes; see {logFile}.");
    }

    /// <summary>Resident memory of the portal process, in bytes (VmRSS from /proc).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("VmRSS not found.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
