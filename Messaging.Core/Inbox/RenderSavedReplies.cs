using System.Text.RegularExpressions;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>The member's saved replies with the variables filled in for one conversation (the reply box's picker).</summary>
public sealed class RenderSavedReplies(MessagingDbContext db, ListSavedReplies list)
{
    public async Task<IReadOnlyList<SavedReplyView>?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(me).Where(c => c.Id == conversationId)
            .Select(c => new
            {
                Project = c.Project != null ? c.Project.Name : null,
                Client = c.Participants.Where(p => p.Member!.Kind == MemberKind.Client).OrderBy(p => p.JoinedAt).Select(p => p.Member!.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (conversation is null || !me.IsStaff)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReplyTemplate.ClientFirstName] = ReplyTemplate.FirstName(conversation.Client),
            [ReplyTemplate.ProjectName] = conversation.Project ?? "",
            [ReplyTemplate.StaffFirstName] = ReplyTemplate.FirstName(me.DisplayName),
        };
        return (await list.HandleAsync(me, ct)).Select(r => r with { Body = ReplyTemplate.Render(r.Body, values) }).ToList();
    }
}
