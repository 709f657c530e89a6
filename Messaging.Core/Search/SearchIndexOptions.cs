namespace Messaging.Core.Search;

/// <summary>This node's search index (section <c>Messaging:Search</c>).</summary>
public sealed class SearchIndexOptions
{
    public const string Section = "Messaging:Search";

    /// <summary>The index's folder; the web host resolves a relative path under its content root. Default <c>.data/search-index</c>.</summary>
    public string IndexPath { get; set; } = Path.Combine(".data", "search-index");

    /// <summary>How often the background indexer reads the feed (a search also reads it first, so its writer's own changes are found at once).</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>How often what was indexed is committed to disk (a crash loses nothing: the feed is read again from the last commit).</summary>
    public int CommitSeconds { get; set; } = 5;

    /// <summary>Feed rows older than this are deleted; a node whose index is older than that rebuilds.</summary>
    public int FeedRetentionDays { get; set; } = 7;

    /// <summary>How long one search may spend collecting matches before it answers with what it has.</summary>
    public int SearchTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>Attachments larger than this are indexed by name only (their text is not read).</summary>
    public long ExtractMaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>How long reading one file's text may take; a slower file is indexed by name only.</summary>
    public int ExtractTimeoutSeconds { get; set; } = 15;

    /// <summary>At most this much of a file's text is kept and indexed.</summary>
    public int ExtractMaxChars { get; set; } = 200_000;

    /// <summary>How often the extractor looks for new attachments (milliseconds).</summary>
    public int ExtractPollMilliseconds { get; set; } = 1000;
}
