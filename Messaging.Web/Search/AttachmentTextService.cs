using Messaging.Core.Search;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Search;

/// <summary>
/// Reads the text of new attachments off the request path (<see cref="ExtractAttachmentTexts"/>), a batch at a time,
/// every <see cref="SearchIndexOptions.ExtractPollMilliseconds"/>; a full batch is followed at once by the next. A
/// failing round is logged and tried again; one broken file is recorded as such and never stops the others.
/// </summary>
public sealed class AttachmentTextService(IServiceScopeFactory scopes, IOptions<SearchIndexOptions> options, ILogger<AttachmentTextService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.ExtractPollMilliseconds));
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
                        tried = await scope.ServiceProvider.GetRequiredService<ExtractAttachmentTexts>().HandleAsync(stoppingToken);
                    }
                    while (tried == ExtractAttachmentTexts.Batch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Reading attachment texts failed; the next round tries again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
