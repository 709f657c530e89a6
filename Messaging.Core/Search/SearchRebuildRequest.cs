namespace Messaging.Core.Search;

/// <summary>
/// "Rebuild the search index": every node's <see cref="SearchIndex"/> compares the newest id with the one its index was
/// built after and rebuilds when it is behind (the admin page's button, a change of a workspace's search language).
/// </summary>
public sealed class SearchRebuildRequest
{
    public const int MaxReasonLength = 100;

    public long Id { get; set; }

    public long? WorkspaceId { get; set; }

    public long? RequestedByMemberId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
}
