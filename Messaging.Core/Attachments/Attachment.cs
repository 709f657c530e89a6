using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;

namespace Messaging.Core.Attachments;

/// <summary>What kind of file an attachment is: the Files tab filters by it and the thread decides how to show it.</summary>
public enum FileCategory
{
    Image,
    Pdf,
    Document,
    Text,
    Video,
    Archive,
}

/// <summary>
/// A file shared with a message. The bytes live in the blob store under <see cref="StorageKey"/>, never in
/// the database. The row is written in the same transaction as its message; it stays after the message is
/// deleted (history) and records when the cleanup job removed the bytes.
/// </summary>
public sealed class Attachment
{
    public const int MaxFileNameLength = 255;
    public const int MaxExtensionLength = 10;
    public const int MaxContentTypeLength = 100;
    public const int MaxStorageKeyLength = 200;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public long MessageId { get; set; }

    public Message? Message { get; set; }

    public long UploaderMemberId { get; set; }

    public Member? Uploader { get; set; }

    /// <summary>Made safe on the way in (<see cref="FileNames.MakeSafe"/>): no path, no control characters, at most 255 UTF-8 bytes.</summary>
    public required string FileName { get; set; }

    /// <summary>Lower case, without the dot; one of <see cref="FileTypes"/>.</summary>
    public required string Extension { get; set; }

    /// <summary>From the extension's entry in <see cref="FileTypes"/>, never from what the browser claimed.</summary>
    public required string ContentType { get; set; }

    public FileCategory Category { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes, computed while they were written.</summary>
    public required string Sha256 { get; set; }

    public required string StorageKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the cleanup job removed the bytes (the message was deleted longer ago than the retention period).</summary>
    public DateTimeOffset? PurgedAt { get; set; }
}
