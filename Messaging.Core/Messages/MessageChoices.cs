using Messaging.Core.Access;

namespace Messaging.Core.Messages;

/// <summary>What the signed-in member may do with one message, for the buttons under it.</summary>
public sealed record MessageChoices(bool CanReply, bool CanEdit, bool CanDelete)
{
    public static MessageChoices None { get; } = new(false, false, false);

    /// <summary>Staff can open the edit history of an edited message.</summary>
    public bool CanSeeHistory { get; init; }

    /// <summary>The same rules the use cases enforce (<see cref="MessageChangeRules"/>), for one message at <paramref name="now"/>.</summary>
    public static MessageChoices For(MessageView message, CurrentMember me, int editWindowMinutes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(me);
        if (message.IsSystem || message.IsDeleted)
        {
            return None;
        }

        var facts = MessageFacts.Of(message);
        return new MessageChoices(
            CanReply: me.Can(Permissions.Send) && !message.IsHidden,
            CanEdit: MessageChangeRules.RefuseEdit(me, facts, editWindowMinutes, now) is null,
            CanDelete: MessageChangeRules.RefuseDelete(me, facts) is null)
        {
            CanSeeHistory = me.IsStaff && message.EditedAt is not null && !message.IsHidden,
        };
    }
}
