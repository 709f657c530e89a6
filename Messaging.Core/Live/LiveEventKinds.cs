namespace Messaging.Core.Live;

public static class LiveEventKinds
{
    public const string Message = "message";

    /// <summary>A message's body changed: open threads refetch that message.</summary>
    public const string MessageEdited = "message-edited";

    /// <summary>A message was deleted: open threads refetch it, which now says "message deleted".</summary>
    public const string MessageDeleted = "message-deleted";
}
