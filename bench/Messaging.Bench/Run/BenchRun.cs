using System.Globalization;
using Messaging.Bench.Dataset;
using Messaging.Bench.Report;
using Messaging.Bench.Stats;

namespace Messaging.Bench.Run;

/// <param name="SearchOnly">Measure search alone and write nothing (<c>./bench.sh run --only search</c>, while working on search).</param>
public sealed record RunOptions(string ConnectionString, string AppDll, int Port, bool Quick, string Commit, string ResultsDirectory, bool SearchOnly = false);

/// <summary>
/// `./bench.sh run`: starts the portal, signs people in, and measures pages, baselines, sending,
/// delivery and stream memory in that order, all in one run so the comparisons hold.
/// </summary>
public sealed class BenchRun(RunOptions options)
{
    private const int Senders = 32;

    public async Task<BenchResults> RunAsync(CancellationToken ct)
    {
        var scenario = await Scenario.LoadAsync(options.ConnectionString, Senders, ct);
        var results = new BenchResults
        {
            Machine = MachineInfo.Current(),
            Commit = options.Commit,
            Date = DateTimeOffset.UtcNow,
            Quick = options.Quick,
            Messages = scenario.Messages,
            Conversations = scenario.Conversations,
            LongThreadMessages = scenario.LongThreadMessages,
        };
        Console.WriteLine($"dataset: {scenario.Messages:N0} messages, {scenario.Conversations:N0} conversations, longest thread {scenario.LongThreadMessages:N0}");

        await using var app = await AppProcess.StartAsync(options.AppDll, options.ConnectionString, options.Port, Path.Combine(options.ResultsDirectory, "app.log"), ct);
        Console.WriteLine($"portal started on {app.Address} (pid {app.Pid})");

        var sessions = new List<PortalSession>();
        try
        {
            var longClient = await SignInAsync(app, scenario.LongThread.ClientEmail, sessions, ct);
            var longStaff = await SignInAsync(app, scenario.LongThread.StaffEmail, sessions, ct);
            var senders = new List<(PortalSession Session, long ConversationId, string Token)>();
            foreach (var pair in scenario.Pairs)
            {
                var session = await SignInAsync(app, pair.ClientEmail, sessions, ct);
                senders.Add((session, pair.ConversationId, await session.TokenFromAsync(ThreadPath("portal", pair.ConversationId), ct)));
            }

            if (options.SearchOnly)
            {
                await MeasureSearchAsync(results, app, scenario, longClient, sessions, ct);
                return results;
            }

            await MeasurePagesAsync(results, scenario, longClient, longStaff, ct);
            await MeasureSearchAsync(results, app, scenario, longClient, sessions, ct);
            await MeasureBaselinesAsync(results, app, longClient, ct);
            MeasureSends(results, await MeasureSendsAsync(senders, ct));
            await MeasureDeliveryAndMemoryAsync(results, app, scenario, senders, sessions, ct);
            await ExportMeasurements.RunAsync(results, app, options.ConnectionString, scenario, longClient, options.Quick, ct);
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }

        return results;
    }

    private static async Task<PortalSession> SignInAsync(AppProcess app, string email, List<PortalSession> sessions, CancellationToken ct)
    {
        var session = new PortalSession(app.Address, email);
        sessions.Add(session);
        await session.SignInAsync(DatasetPlan.Password, ct);
        return session;
    }

    private async Task MeasurePagesAsync(BenchResults results, Scenario scenario, PortalSession client, PortalSession staff, CancellationToken ct)
    {
        var samples = options.Quick ? 100 : 300;
        var limit = TimeSpan.FromSeconds(options.Quick ? 20 : 60);
        var longId = scenario.LongThread.ConversationId;
        foreach (var (name, session, path) in new[]
        {
            ("page: client conversation list", client, "/portal/messages"),
            ("page: staff conversation list", staff, "/staff/messages"),
            ($"page: client thread ({scenario.LongThreadMessages:N0} messages, last 50 shown)", client, ThreadPath("portal", longId)),
            ($"page: staff thread ({scenario.LongThreadMessages:N0} messages, last 50 shown)", staff, ThreadPath("staff", longId)),
        })
        {
            var summary = await Measurements.PageAsync(session, path, samples, limit, ct);
            Record(results, name, summary);
            results.Figures.Add(new Figure($"{name} p95", Ms(summary.P95), "≤ 20 ms", summary.P95 <= 20));
        }
    }

    private async Task MeasureSearchAsync(BenchResults results, AppProcess app, Scenario scenario, PortalSession client, List<PortalSession> sessions, CancellationToken ct)
    {
        var adminEmail = await SearchScenarios.AdminEmailAsync(options.ConnectionString, scenario.LongThread.ClientEmail, ct);
        var admin = await SignInAsync(app, adminEmail, sessions, ct);
        var searchers = new List<(Searcher, PortalSession)>
        {
            (await SearchScenarios.SearcherAsync(options.ConnectionString, "staff Admin", adminEmail, ct), admin),
            (await SearchScenarios.SearcherAsync(options.ConnectionString, "client of the longest thread", scenario.LongThread.ClientEmail, ct), client),
            (await SearchScenarios.SearcherAsync(options.ConnectionString, "client", scenario.Pairs[0].ClientEmail, ct), await SignInAsync(app, scenario.Pairs[0].ClientEmail, sessions, ct)),
        };
        await SearchScenarios.MeasureAsync(results, options.ConnectionString, searchers, options.Quick, ct);
    }

    private async Task MeasureBaselinesAsync(BenchResults results, AppProcess app, PortalSession client, CancellationToken ct)
    {
        var duration = TimeSpan.FromSeconds(options.Quick ? 5 : 10);
        var (trivial, tool) = await Baselines.RequestsPerSecondAsync(new Uri(app.Address, "/healthz/live"), null, 32, duration, ct);
        var (list, _) = await Baselines.RequestsPerSecondAsync(new Uri(app.Address, "/portal/messages"), client.CookieHeader, 32, duration, ct);
        Console.WriteLine($"  trivial endpoint {trivial:0} req/s, client list page {list:0} req/s at 32 connections ({tool})");
        results.Values["trivial_rps_c32"] = trivial;
        results.Values["list_rps_c32"] = list;
        results.Figures.Add(new Figure("trivial endpoint (/healthz/live), 32 connections", $"{trivial:0} req/s"));
        results.Figures.Add(new Figure("client conversation list, 32 connections", $"{list:0} req/s"));
        results.Figures.Add(new Figure("list page throughput / trivial endpoint", Percent(list / trivial)));
        results.Notes.Add($"Request throughput measured with {tool}.");

        foreach (var workers in new[] { 1, 8, 32 })
        {
            var commits = await Baselines.InsertCommitsPerSecondAsync(options.ConnectionString, workers, duration, ct);
            Console.WriteLine($"  raw INSERT commits at {workers} connections: {commits:0}/s");
            results.Values[$"raw_insert_c{workers}"] = commits;
            results.Figures.Add(new Figure($"raw single-row INSERT commits, {workers} connections", $"{commits:0}/s"));
        }
    }

    private async Task<Dictionary<int, LatencySummary>> MeasureSendsAsync(List<(PortalSession Session, long ConversationId, string Token)> senders, CancellationToken ct)
    {
        var duration = TimeSpan.FromSeconds(options.Quick ? 5 : 15);
        var byConcurrency = new Dictionary<int, LatencySummary>();
        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            byConcurrency[concurrency] = await Measurements.SendAsync(senders.Take(concurrency).ToList(), duration, options.Quick ? 300 : 2_000, ct);
        }

        return byConcurrency;
    }

    private static void MeasureSends(BenchResults results, Dictionary<int, LatencySummary> sends)
    {
        foreach (var (concurrency, summary) in sends)
        {
            Record(results, $"send, {concurrency} concurrent senders", summary);
            var raw = results.Values[$"raw_insert_c{concurrency}"];
            var share = summary.PerSecond / raw;
            results.Values[$"send_share_of_insert_c{concurrency}"] = share;
            results.Figures.Add(new Figure($"send throughput / raw INSERT commits, {concurrency} concurrent", Percent(share), "≥ 30 %", share >= 0.30));
        }
    }

    private async Task MeasureDeliveryAndMemoryAsync(BenchResults results, AppProcess app, Scenario scenario, List<(PortalSession Session, long ConversationId, string Token)> senders, List<PortalSession> sessions, CancellationToken ct)
    {
        var pair = scenario.Pairs[0];
        var watcherSession = await SignInAsync(app, pair.StaffEmail, sessions, ct);
        var sender = senders[0];
        var samples = options.Quick ? 50 : 200;
        var idle = new List<EventStreamTab>();
        await using var watcher = await EventStreamTab.OpenAsync(watcherSession, pair.ConversationId, ct);
        try
        {
            await Task.Delay(2_000, ct);
            var before = app.ResidentBytes();
            foreach (var target in new[] { 1_000, 10_000 })
            {
                idle.AddRange(await Measurements.OpenIdleStreamsAsync(sessions, target - idle.Count, ct));
                await Task.Delay(5_000, ct);
                var memory = app.ResidentBytes();
                var each = (memory - before) / (double)idle.Count;
                var delivery = await Measurements.DeliveryAsync(sender.Session, sender.Token, sender.ConversationId, watcher, samples, ct);
                Console.WriteLine($"  {idle.Count:N0} idle streams: {each / 1024:0.0} KB each");
                var name = string.Create(CultureInfo.InvariantCulture, $"send-to-screen with {idle.Count:N0} open streams");
                Record(results, name, delivery);
                results.Values[$"stream_bytes_each_{idle.Count}"] = each;
                results.Figures.Add(new Figure($"{name} p99", Ms(delivery.P99), target == 1_000 ? "≤ 100 ms" : null, target == 1_000 ? delivery.P99 <= 100 : null));
                results.Figures.Add(new Figure(string.Create(CultureInfo.InvariantCulture, $"memory per idle stream at {idle.Count:N0} (RSS growth / streams)"), $"{each / 1024:0.0} KB", "≤ 50 KB", each <= 50 * 1024));
            }
        }
        finally
        {
            foreach (var stream in idle)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static void Record(BenchResults results, string name, LatencySummary summary)
    {
        results.Latencies[name] = summary;
        Console.WriteLine($"  {name}: {summary.Describe()}");
    }

    private static string ThreadPath(string area, long id) => string.Create(CultureInfo.InvariantCulture, $"/{area}/messages/{id}");

    private static string Ms(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms");

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.0} %");
}
