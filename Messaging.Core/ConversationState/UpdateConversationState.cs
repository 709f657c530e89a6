using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ConversationState;

/// <summary>What a member can do to their own view of conversations (never to anyone else's).</summary>
public enum ConversationAction
{
    MarkRead,

    /// <summary>Moves the read pointer back to just before the newest message from someone else, so it counts as unread again.</summary>
    MarkUnread,
    Mute,
    Unmute,
    Archive,
    Unarchive,

    /// <summary>Hides the conversation from this member's lists until a new message arrives; marks it read.</summary>
    DeleteForMe,
}

public sealed record UpdateConversationStateCommand(IReadOnlyCollection<long> ConversationIds, ConversationAction Action);

/// <summary>
/// Applies one action to one or several conversations (the list's bulk selection) of the member. Only
/// conversations they take part in have a state to change: an id that is foreign, not visible or not
/// theirs makes the whole request not found, and nothing changes. All changes commit together.
/// </summary>
public sealed class UpdateConversationState(MessagingDbContext db, MarkThreadRead markRead, TimeProvider clock)
{
    public const string SelectionField = "ids";

    public const int MaxSelection = 100;

    public async Task<Result<int>> HandleAsync(CurrentMember me, UpdateConversationStateCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        var ids = command.ConversationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return Result<int>.Invalid(SelectionField, "Select at least one conversation first.");
        }

        if (ids.Count > MaxSelection)
        {
            return Result<int>.Invalid(SelectionField, $"Select at most {MaxSelection} conversations at a time.");
        }

        if (!Enum.IsDefined(command.Action))
        {
            return Result<int>.Invalid(SelectionField, "Choose what to do with the selected conversations.");
        }

        var visible = db.Conversations.VisibleTo(me).Select(c => c.Id);
        var rows = await db.Participants
            .Where(p => p.MemberId == me.MemberId && ids.Contains(p.ConversationId) && visible.Contains(p.ConversationId))
            .ToListAsync(ct);
        if (rows.Count != ids.Count)
        {
            return Result<int>.NotFound();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            await ApplyAsync(me, row, command.Action, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<int>.Ok(rows.Count);
    }

    private async Task ApplyAsync(CurrentMember me, Participant row, ConversationAction action, CancellationToken ct)
    {
        switch (action)
        {
            case ConversationAction.MarkRead:
                await markRead.HandleAsync(me, row.ConversationId, ct);
                break;
            case ConversationAction.MarkUnread:
                var newestFromOthers = await db.Messages.AsNoTracking()
                    .Where(m => m.ConversationId == row.ConversationId && m.AuthorMemberId != me.MemberId && m.DeletedAt == null)
                    .Where(ConversationAccess.ReadableBy(me))
                    .MaxAsync(m => (long?)m.Id, ct);
                if (newestFromOthers is { } newest && row.LastReadMessageId >= newest)
                {
                    row.LastReadMessageId = newest - 1;
                }

                break;
            case ConversationAction.Mute or ConversationAction.Unmute:
                row.IsMuted = action == ConversationAction.Mute;
                break;
            case ConversationAction.Archive or ConversationAction.Unarchive:
                row.IsArchived = action == ConversationAction.Archive;
                break;
            case ConversationAction.DeleteForMe:
                row.HiddenAt = clock.GetUtcNow();
                await markRead.HandleAsync(me, row.ConversationId, ct);
                break;
        }
    }
}
