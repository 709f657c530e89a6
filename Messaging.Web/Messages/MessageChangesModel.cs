using Messaging.Core.Messages;

namespace Messaging.Web.Messages;

/// <summary>The reply, edit and delete controls of one message, with a refusal to show if the last attempt failed.</summary>
public sealed record MessageChangesModel(MessageView Message, MessageChoices Choices, MessageActionError? Error);

/// <summary>A refused edit or delete, shown on the message it concerns (with the text typed, for an edit).</summary>
public sealed record MessageActionError(long MessageId, string Error, string? Body)
{
    public const string ViewDataKey = "MessageActionError";
}
