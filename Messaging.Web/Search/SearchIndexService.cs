using Messaging.Core.Data;
using Messaging.Core.Search;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Search;

/// <summary>
/// Opens (or builds) this node's index on start, then follows the feed every <see cref="SearchIndexOptions.PollMilliseconds"/>,
/// commits every <see cref="SearchIndexOptions.CommitSeconds"/> and prunes the feed hourly. A failing round is logged
/// and the next one tries again; searches keep answering (from the PostgreSQL search while no index is open).
/// </summary>
public sealed class SearchIndexService(SearchIndex index, IServiceScopeFactory scopes, IOptions<SearchIndexOptions> options, ILogger<SearchIndexService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        try
        {
            while (!index.IsReady && !stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await index.OpenAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    index.MarkUnavailable();
                    logger.LogError(ex, "The search index could not be opened or built; searches use PostgreSQL until it is. Trying again in 30 s");
                    await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                }
            }

            var lastCommit = DateTimeOffset.UtcNow;
            var lastPrune = DateTimeOffset.MinValue;
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(o.PollMilliseconds));
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await index.CatchUpAsync(stoppingToken);
                    var now = DateTimeOffset.UtcNow;
                    if (now - lastCommit >= TimeSpan.FromSeconds(o.CommitSeconds))
                    {
                        await index.CommitAsync(stoppingToken);
                        lastCommit = now;
                    }

                    if (now - lastPrune >= TimeSpan.FromHours(1))
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        var pruned = await index.PruneFeedAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), stoppingToken);
                        if (pruned > 0)
                        {
                            logger.LogInformation("Search feed: {Count} rows older than {Days} days deleted", pruned, o.FeedRetentionDays);
                        }

                        lastPrune = now;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Search indexing round failed; the next round reads the feed again");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: SearchIndex commits when it is disposed
        }
    }
}
