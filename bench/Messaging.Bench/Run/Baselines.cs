using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Messaging.Bench.Run;

/// <summary>
/// Throughput baselines measured in the same run: requests per second against one URL at a given
/// number of connections (with wrk when it is installed, else a built-in loop), and raw single-row
/// INSERT commits per second through Npgsql into the benchmark database.
/// </summary>
public static partial class Baselines
{
    public static async Task<(double PerSecond, string Tool)> RequestsPerSecondAsync(Uri url, string? cookie, int connections, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (File.Exists("/usr/bin/wrk"))
        {
            var args = new List<string> { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" };
            if (cookie is not null)
            {
                args.AddRange(["-H", $"Cookie: {cookie}"]);
            }

            args.Add(url.ToString());
            var info = new ProcessStartInfo("/usr/bin/wrk", args) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var match = RequestsPerSecond().Match(output);
            if (!match.Success || output.Contains("Non-2xx", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"wrk against {url} did not report clean results:\n{output}");
            }

            return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), "wrk");
        }

        return (await BuiltInAsync(url, cookie, connections, duration, ct), "built-in HttpClient loop");
    }

    private static async Task<double> BuiltInAsync(Uri url, string? cookie, int connections, TimeSpan duration, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false };
        using var http = new HttpClient(handler);
        var count = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }

                using var response = await http.SendAsync(request, ct);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(ct);
                Interlocked.Increment(ref count);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Autocommitted single-row INSERTs, one connection per worker, into a scratch table.</summary>
    public static async Task<double> InsertCommitsPerSecondAsync(string connectionString, int workers, TimeSpan duration, CancellationToken ct)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync(ct);
            await using var create = new NpgsqlCommand("""
                DROP TABLE IF EXISTS bench_raw_insert;
                CREATE TABLE bench_raw_insert (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, conversation_id bigint NOT NULL,
                    body text NOT NULL, created_at timestamp with time zone NOT NULL DEFAULT now())
                """, setup);
            await create.ExecuteNonQueryAsync(ct);
        }

        var count = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var insert = new NpgsqlCommand("INSERT INTO bench_raw_insert (conversation_id, body) VALUES ($1, $2)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = (long)w });
            insert.Parameters.Add(new NpgsqlParameter { Value = "Benchmark message: please confirm the schedule." });
            await insert.PrepareAsync(ct);
            while (clock.Elapsed < duration)
            {
                await insert.ExecuteNonQueryAsync(ct);
                Interlocked.Increment(ref count);
            }
        }));
        var perSecond = count / clock.Elapsed.TotalSeconds;

        await using (var cleanup = new NpgsqlConnection(connectionString))
        {
            await cleanup.OpenAsync(ct);
            await using var drop = new NpgsqlCommand("DROP TABLE bench_raw_insert", cleanup);
            await drop.ExecuteNonQueryAsync(ct);
        }

        return perSecond;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}
