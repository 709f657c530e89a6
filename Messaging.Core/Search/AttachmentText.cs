namespace Messaging.Core.Search;

/// <summary>
/// The text the extractor read from one attachment (<see cref="ExtractAttachmentTexts"/>), indexed with its message.
/// <see cref="Status"/> is one of <see cref="AttachmentTextStatus"/>; a file without text is searchable by its name only.
/// </summary>
public sealed class AttachmentText
{
    public const int MaxStatusLength = 20;

    public long AttachmentId { get; set; }

    public long MessageId { get; set; }

    public required string Status { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset ExtractedAt { get; set; }
}
