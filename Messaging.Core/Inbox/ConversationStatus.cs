namespace Messaging.Core.Inbox;

/// <summary>Where a conversation stands for the team.</summary>
public enum ConversationStatus
{
    Open,

    /// <summary>The team answered; the next move is the client's.</summary>
    WaitingOnClient,

    Closed,
}
