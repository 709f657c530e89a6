using Messaging.Core.Attachments;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Attachments;

/// <summary>Runs <see cref="PurgeFiles"/> every <see cref="FileStorageOptions.CleanupIntervalMinutes"/> minutes, starting a minute after start-up.</summary>
public sealed class FileCleanupService(IServiceScopeFactory scopes, IOptions<FileStorageOptions> options, ILogger<FileCleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.CleanupIntervalMinutes;
        if (minutes <= 0)
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<PurgeFiles>()
                .HandleAsync(TimeSpan.FromHours(options.Value.OrphanGraceHours), ct);
            if (report.ExpiredFiles + report.OrphanBlobs > 0)
            {
                logger.LogInformation("File cleanup removed {Expired} files of deleted messages and {Orphans} unreferenced blobs", report.ExpiredFiles, report.OrphanBlobs);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next run tries again; a failing run must not stop the job or the app.
            logger.LogError(ex, "File cleanup failed");
        }
    }
}
