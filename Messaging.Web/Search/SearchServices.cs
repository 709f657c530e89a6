using Messaging.Core.Search;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Search;

public static class SearchServices
{
    public const string RebuildSwitch = "--rebuild-search-index";

    /// <summary>This node's Lucene index (a folder under the content root unless configured) and the indexer that follows the feed.</summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchIndexOptions>()
            .Bind(configuration.GetSection(SearchIndexOptions.Section))
            .PostConfigure<IWebHostEnvironment>((o, env) => o.IndexPath = Path.GetFullPath(Path.Combine(env.ContentRootPath, o.IndexPath)))
            .Validate(o => !string.IsNullOrWhiteSpace(o.IndexPath) && o.PollMilliseconds >= 10 && o.CommitSeconds >= 1 && o.FeedRetentionDays >= 1 && o.SearchTimeoutMilliseconds >= 50
                && o.ExtractMaxBytes >= 0 && o.ExtractTimeoutSeconds >= 1 && o.ExtractMaxChars >= 1000 && o.ExtractPollMilliseconds >= 10,
                "Messaging:Search needs an IndexPath, PollMilliseconds ≥ 10, CommitSeconds ≥ 1, FeedRetentionDays ≥ 1 and SearchTimeoutMilliseconds ≥ 50, ExtractTimeoutSeconds ≥ 1, ExtractMaxChars ≥ 1000 and ExtractPollMilliseconds ≥ 10.")
            .ValidateOnStart();
        services.AddSingleton<SearchIndex>();
        services.AddHostedService<SearchIndexService>();
        services.AddHostedService<AttachmentTextService>();
        return services;
    }

    /// <summary>
    /// <c>--rebuild-search-index</c>: builds this node's index from the database into a new folder, makes it the
    /// current one and exits (run it while the node is stopped; a running node rebuilds from the admin page).
    /// Returns null when the switch is not given.
    /// </summary>
    public static async Task<int?> RebuildSearchIndexIfAskedAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!args.Contains(RebuildSwitch))
        {
            return null;
        }

        var index = app.Services.GetRequiredService<SearchIndex>();
        await index.RebuildAsync(CancellationToken.None);
        Console.WriteLine($"Search index rebuilt in {app.Services.GetRequiredService<IOptions<SearchIndexOptions>>().Value.IndexPath}: {index.Status.Documents} messages.");
        index.Dispose();
        return 0;
    }
}
