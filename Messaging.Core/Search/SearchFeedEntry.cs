namespace Messaging.Core.Search;

/// <summary>
/// One row of the search feed: "message <see cref="MessageId"/> changed, read it again". Written by a trigger on
/// <c>messages</c> in the transaction that changes the message (every path that writes one: send, edit, delete,
/// moderation, attachments, imports), read by every node's <see cref="SearchIndex"/>. The row says only
/// which message; the indexer reads its current state from the database, so rows may be applied more than once
/// and in any order.
/// </summary>
public sealed class SearchFeedEntry
{
    /// <summary>From a sequence: the order rows were written, not the order they committed.</summary>
    public long Position { get; set; }

    public long MessageId { get; set; }

    /// <summary>The writing transaction's id (<c>pg_current_xact_id()</c>): what the indexer's cursor follows.</summary>
    public long Xid { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
