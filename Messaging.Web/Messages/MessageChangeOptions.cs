using Messaging.Core.Access;
using Messaging.Core.Messages;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Messages;

/// <summary>What the signed-in member may do with one message, for the buttons under it.</summary>
public sealed record MessageChoices(bool CanReply, bool CanEdit, bool CanDelete)
{
    /// <summary>Staff can open the edit history of an edited message.</summary>
    public bool CanSeeHistory { get; init; }
}

/// <summary>The reply, edit and delete controls of one message, with a refusal to show if the last attempt failed.</summary>
public sealed record MessageChangesModel(MessageView Message, MessageChoices Choices, MessageActionError? Error);

/// <summary>
/// Decides, per request, which of reply, edit and delete a message offers to the signed-in member, with
/// the same rules the use cases enforce (<see cref="MessageChangeRules"/>). The edit window is read once per request.
/// </summary>
public sealed class MessageChangeOptions(CurrentMemberAccessor accessor, GetMessageSettings settings, TimeProvider clock)
{
    private int? window;

    public async Task<MessageChoices> ForAsync(MessageView message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var me = await accessor.GetAsync(ct);
        if (me is null || message.IsSystem || message.IsDeleted)
        {
            return new MessageChoices(false, false, false);
        }

        window ??= (await settings.HandleAsync(me.WorkspaceId, ct)).EditWindowMinutes;
        var facts = MessageFacts.Of(message);
        return new MessageChoices(
            CanReply: me.Can(Permissions.Send) && !message.IsHidden,
            CanEdit: MessageChangeRules.RefuseEdit(me, facts, window.Value, clock.GetUtcNow()) is null,
            CanDelete: MessageChangeRules.RefuseDelete(me, facts) is null)
        {
            CanSeeHistory = me.IsStaff && message.EditedAt is not null && !message.IsHidden,
        };
    }
}

/// <summary>A refused edit or delete, shown on the message it concerns (with the text typed, for an edit).</summary>
public sealed record MessageActionError(long MessageId, string Error, string? Body)
{
    public const string ViewDataKey = "MessageActionError";
}
