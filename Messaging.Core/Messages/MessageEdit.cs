namespace Messaging.Core.Messages;

/// <summary>One earlier version of a message body, kept when its author edits it; staff can read the history.</summary>
public sealed class MessageEdit
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    /// <summary>The body as it was before this edit.</summary>
    public required string PreviousBody { get; set; }

    public DateTimeOffset EditedAt { get; set; }
}
