using System.Globalization;
using Messaging.Bench.Dataset;
using Messaging.Bench.Report;
using Messaging.Bench.Run;

namespace Messaging.Bench;

// The benchmark and load tool. Usually started through ./bench.sh, which provides the database and
// the builds:
//   seed --connection CS --messages N
//   run  --connection CS --app PATH/Messaging.Web.dll [--quick] [--port P] [--commit SHA] [--root DIR]
//   fanout --connection CS [--app DLL] [--seconds 300] [--senders 16] [--streams 200]   (issue 18: send->event latency)
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var command = args.FirstOrDefault();
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var connection = Option("--connection") ?? Environment.GetEnvironmentVariable("MESSAGING_BENCH_DB");
        if (command is not ("seed" or "run" or "fanout") || connection is null)
        {
            Console.Error.WriteLine("usage: Messaging.Bench seed --connection CS --messages N | run --connection CS --app DLL [--quick]");
            return 2;
        }

        try
        {
            if (command == "seed")
            {
                var messages = long.Parse(Option("--messages") ?? "1000000", NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                var shape = DatasetShape.For(messages);
                Console.WriteLine($"planning {shape.Messages:N0} messages in {shape.Conversations:N0} conversations ({shape.LongThreads} of {shape.LongThreadLength:N0}), {shape.Staff} staff, {shape.Clients:N0} clients, {shape.Projects:N0} projects in {shape.Workspaces} workspaces");
                var plan = DatasetPlan.Create(shape, DateTimeOffset.UtcNow);
                await new Seeder(connection, Console.Out).SeedAsync(plan, cancel.Token);
                return 0;
            }

            var root = Option("--root") ?? Directory.GetCurrentDirectory();
            if (command == "fanout")
            {
                return await FanOutAsync(connection, Option("--app") ?? Path.Combine(root, "Messaging.Web/bin/Release/net10.0/Messaging.Web.dll"), root, Option, cancel.Token);
            }

            var options = new RunOptions(
                connection,
                Option("--app") ?? Path.Combine(root, "Messaging.Web/bin/Release/net10.0/Messaging.Web.dll"),
                int.Parse(Option("--port") ?? "5099", CultureInfo.InvariantCulture),
                args.Contains("--quick"),
                Option("--commit") ?? "unknown",
                Path.Combine(root, "bench/results"),
                Option("--only") == "search");
            Directory.CreateDirectory(options.ResultsDirectory);
            var results = await new BenchRun(options).RunAsync(cancel.Token);
            if (options.SearchOnly)
            {
                Console.WriteLine("--only search: nothing written");
                return 0;
            }

            await ReportWriter.WriteAsync(results, Path.Combine(root, "docs/performance.md"), Path.Combine(options.ResultsDirectory, "latest.json"), cancel.Token);
            Console.WriteLine();
            foreach (var figure in results.Figures)
            {
                Console.WriteLine($"{figure.Name}: {figure.Value}{(figure.Target is null ? "" : $" (target {figure.Target}: {(figure.Met == true ? "met" : "missed")})")}");
            }

            Console.WriteLine("written to docs/performance.md and bench/results/latest.json");
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("stopped");
            return 130;
        }
    }

    private static async Task<int> FanOutAsync(string connection, string appDll, string root, Func<string, string?> option, CancellationToken ct)
    {
        int Number(string name, int fallback) => int.Parse(option(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var seconds = Number("--seconds", 300);
        var senders = Number("--senders", 16);
        var streams = Number("--streams", 200);
        var scenario = await Scenario.LoadAsync(connection, 1, ct);
        var results = Path.Combine(root, "bench/results");
        Directory.CreateDirectory(results);
        await using var app = await AppProcess.StartAsync(appDll, connection, Number("--port", 5099), Path.Combine(results, "fanout-app.log"), ct);
        Console.WriteLine($"fan-out: {senders} senders into conversation {scenario.LongThread.ConversationId}, {streams} streams, {seconds} s");
        var result = await FanOutScenario.RunAsync(app, scenario, connection, senders, streams, TimeSpan.FromSeconds(seconds), ct);
        var machine = MachineInfo.Current();
        Console.WriteLine($"machine: {machine.Cores} cores, {machine.MemoryBytes / (1024 * 1024 * 1024.0):0.0} GB, {machine.CpuModel}");
        Console.WriteLine($"sends: {result.Sends.Describe()}, {result.FailedSends} failed");
        Console.WriteLine($"send->event: {result.Delivery.Describe()}, {result.MissedDeliveries} (stream, message) pairs missed");
        foreach (var (second, p99) in result.DeliveryBySecond)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sends started at {second,4}-{second + 9} s: send->event p99 {p99:0.0} ms"));
        }

        return 0;
    }
}
