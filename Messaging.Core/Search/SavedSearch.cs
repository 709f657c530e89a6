namespace Messaging.Core.Search;

/// <summary>A search a member keeps (name and the box's text), listed beside the search box.</summary>
public sealed class SavedSearch
{
    public const int MaxNameLength = 100;

    /// <summary>Each member keeps at most this many.</summary>
    public const int MaxPerMember = 50;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long MemberId { get; set; }

    public required string Name { get; set; }

    public required string Query { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
