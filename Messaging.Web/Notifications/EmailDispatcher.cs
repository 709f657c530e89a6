using System.ComponentModel.DataAnnotations;
using Messaging.Core.Notifications;

namespace Messaging.Web.Notifications;

/// <summary>How often the email outbox is looked at (<c>Messaging:Notifications:Dispatch</c>).</summary>
public sealed class EmailDispatchOptions
{
    public const string Section = "Messaging:Notifications:Dispatch";

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>Integration tests that run <see cref="DispatchEmails"/> themselves (with a fake clock) turn the loop off.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Every few seconds: makes the staff activity digests that are due, then sends every due outbox email
/// (<see cref="DispatchEmails"/>, one scope each). Runs on every node; the atomic claim makes each email
/// go out once. A failing database or mail server only delays mail: rows stay in the outbox.
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<EmailDispatchOptions> options,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        do
        {
            try
            {
                await RunOnceAsync(scopes, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database outage; claimed rows are taken over when their claim goes stale.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Sending notification emails failed; trying again at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass (also what tests call): digests due now, then every due email. Returns how many rows were handled.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnqueueActivityDigests>().HandleAsync(ct);
        }

        var handled = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<DispatchEmails>().HandleAsync(ct))
            {
                break;
            }

            handled++;
        }

        return handled;
    }
}
