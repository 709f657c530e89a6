using System.Globalization;
using Messaging.Core.Access;

namespace Messaging.Core.Messages;

/// <summary>
/// Who may edit or delete which message, shared by the use cases that do it and the pages that offer
/// it. Each method answers null when allowed, or the sentence that explains the refusal.
/// </summary>
public static class MessageChangeRules
{
    public static bool EditWindowIsOpen(DateTimeOffset createdAt, int windowMinutes, DateTimeOffset now) =>
        windowMinutes > 0 && now - createdAt <= TimeSpan.FromMinutes(windowMinutes);

    /// <summary>Authors edit their own live message within the workspace's edit window, if they may still send.</summary>
    public static string? RefuseEdit(CurrentMember me, MessageFacts message, int windowMinutes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == MessageKind.System)
        {
            return "System messages can't be edited.";
        }

        if (message.Kind != MessageKind.Text)
        {
            return "Lines about who joined or left can't be edited.";
        }

        if (message.IsDeleted)
        {
            return "This message was deleted.";
        }

        if (message.AuthorMemberId != me.MemberId)
        {
            return "You can only edit your own messages.";
        }

        if (!me.Can(Permissions.Send))
        {
            return "You do not have permission to send messages, so you can't edit them either.";
        }

        if (message.IsHidden)
        {
            return "A moderator hid this message; it can't be edited.";
        }

        if (windowMinutes <= 0)
        {
            return "Editing messages is turned off in this workspace.";
        }

        if (!EditWindowIsOpen(message.CreatedAt, windowMinutes, now))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Messages can only be edited within {windowMinutes} minutes of sending; the time to edit this one has passed.");
        }

        return null;
    }

    /// <summary>Authors delete their own messages with <see cref="Permissions.Delete"/>; Admins delete any.</summary>
    public static string? RefuseDelete(CurrentMember me, MessageFacts message)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == MessageKind.System)
        {
            return "System messages can't be deleted.";
        }

        if (message.Kind != MessageKind.Text)
        {
            return "Lines about who joined or left can't be deleted.";
        }

        if (me.IsAdmin)
        {
            return null;
        }

        if (message.AuthorMemberId != me.MemberId)
        {
            return "You can only delete your own messages.";
        }

        return me.Can(Permissions.Delete) ? null : "You do not have permission to delete messages.";
    }
}

/// <summary>What the change rules need to know about a message.</summary>
public sealed record MessageFacts(long AuthorMemberId, MessageKind Kind, DateTimeOffset CreatedAt, bool IsDeleted, bool IsHidden)
{
    public static MessageFacts Of(MessageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.AuthorMemberId, view.Kind, view.CreatedAt, view.IsDeleted, view.IsHidden);
    }

    public static MessageFacts Of(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.AuthorMemberId, message.Kind, message.CreatedAt, message.DeletedAt is not null, message.HiddenAt is not null);
    }
}
