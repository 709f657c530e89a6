using Messaging.Core.Attachments;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Attachments.Previews;

/// <summary>
/// Makes the previews of new attachments off the request path (<see cref="MakeAttachmentPreviews"/>), a batch at a
/// time, every <see cref="PreviewOptions.PollMilliseconds"/>; a full batch is followed at once by the next. A failing
/// round is logged and tried again; one broken file is recorded as such and never stops the others.
/// </summary>
public sealed class AttachmentPreviewService(IServiceScopeFactory scopes, IOptions<PreviewOptions> options, ILogger<AttachmentPreviewService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PollMilliseconds <= 0)
        {
            return;
        }

        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    int tried;
                    do
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        tried = await scope.ServiceProvider.GetRequiredService<MakeAttachmentPreviews>().HandleAsync(stoppingToken);
                    }
                    while (tried == MakeAttachmentPreviews.Batch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Making attachment previews failed; the next round tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
