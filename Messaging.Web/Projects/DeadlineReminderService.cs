using System.ComponentModel.DataAnnotations;
using Messaging.Core.ProjectThreads;

namespace Messaging.Web.Projects;

/// <summary>How often deadline reminders are looked for (<c>Messaging:Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Messaging:Reminders";

    /// <summary>Seconds between passes. A reminder is a day's matter, so a few minutes late is on time.</summary>
    [Range(1, 86400)]
    public int PollSeconds { get; set; } = 300;

    /// <summary>Integration tests that run <see cref="SendDeadlineReminders"/> themselves turn the background loop off.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Every few minutes, posts the deadline reminders that are due (<see cref="SendDeadlineReminders"/>, a batch per
/// scope, until a batch comes back short). Runs on every node; the use case's advisory lock and unique key make each
/// reminder go out once. Reminders survive a restart because what was sent is in the table, not in memory.
/// </summary>
public sealed class DeadlineReminderService(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<ReminderOptions> options,
    ILogger<DeadlineReminderService> logger) : Infrastructure.PollingService(logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string WorkName => "Sending deadline reminders";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        int sent;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            sent = await scope.ServiceProvider.GetRequiredService<SendDeadlineReminders>().HandleAsync(ct);
        }
        while (sent == SendDeadlineReminders.BatchSize && !ct.IsCancellationRequested);
    }
}
