namespace Messaging.Web.Infrastructure;

/// <summary>
/// A background loop that runs <see cref="RunOnceAsync"/> at once and then every few seconds until the
/// host stops. A failing pass (the database or a mail server down) is logged and tried again at the next
/// tick: work waits in tables, never in memory. Off when <see cref="Enabled"/> is false (tests that drive the work themselves).
/// </summary>
public abstract class PollingService(ILogger logger) : BackgroundService
{
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Said in the warning when a pass fails.</summary>
    protected abstract string WorkName { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a database or mail server outage; what was not done is retried at the next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "{Work} failed; trying again at the next poll", WorkName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
