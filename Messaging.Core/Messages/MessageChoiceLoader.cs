using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>Adds to messages loaded for a thread what the member may do with each (one query for the edit window).</summary>
public static class MessageChoiceLoader
{
    public static async Task<IReadOnlyList<MessageView>> WithChoicesAsync(
        this Task<IReadOnlyList<MessageView>> loading, MessagingDbContext db, CurrentMember me, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loading);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(me);
        var messages = await loading;
        if (messages.Count == 0)
        {
            return messages;
        }

        var window = await db.Workspaces.AsNoTracking().Where(w => w.Id == me.WorkspaceId).Select(w => (int?)w.EditWindowMinutes).SingleOrDefaultAsync(ct)
            ?? Workspace.DefaultEditWindowMinutes;
        return messages.Select(m => m with { Choices = MessageChoices.For(m, me, window, now) }).ToList();
    }
}
