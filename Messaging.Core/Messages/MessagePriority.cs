namespace Messaging.Core.Messages;

/// <summary>How pressing a message is; urgent ones carry a badge.</summary>
public enum MessagePriority
{
    Normal,
    Urgent,
}
