using System.ComponentModel.DataAnnotations;
using Messaging.Core.Scheduling;

namespace Messaging.Web.Scheduling;

/// <summary>How often due scheduled messages are looked for (<c>Messaging:Scheduling</c>).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Messaging:Scheduling";

    /// <summary>Seconds between looks; a message goes out at most this long after its time. Browser tests use 1.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>Integration tests that drive <see cref="DispatchScheduledMessages"/> themselves turn the background loop off.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Every few seconds, sends every due scheduled message (<see cref="DispatchScheduledMessages"/>, one per
/// scope). Runs on every node; the atomic claim makes sure each message is sent by one of them, once.
/// Messages survive a restart because they wait in the table, not in memory.
/// </summary>
public sealed class ScheduledMessageDispatcher(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<SchedulingOptions> options,
    ILogger<ScheduledMessageDispatcher> logger) : Infrastructure.PollingService(logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string WorkName => "Sending scheduled messages";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var sent = true;
        while (sent && !ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            sent = await scope.ServiceProvider.GetRequiredService<DispatchScheduledMessages>().HandleAsync(ct);
        }
    }
}
