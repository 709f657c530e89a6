using System.Globalization;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Messages;

/// <summary>
/// The project items a message body refers to: every <c>#D12</c> (checklist item) and <c>#M3</c> (milestone) must be an
/// item of the conversation's project, otherwise the message is refused with the reason and nothing is stored (an item
/// of another project is not told apart from one that does not exist). Mail and texts cannot be sent back to be
/// corrected, so for them (<paramref name="strict"/> false) what does not resolve simply stays text. Returns the
/// references, not yet saved.
/// </summary>
public sealed class ResolveItemReferences(MessagingDbContext db)
{
    public async Task<Result<IReadOnlyList<MessageItemReference>>> HandleAsync(long conversationId, string body, bool strict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var tokens = MessageFormatter.FindItemReferences(body);
        if (tokens.Count == 0)
        {
            return Result<IReadOnlyList<MessageItemReference>>.Ok([]);
        }

        var projectId = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.ProjectId).SingleOrDefaultAsync(ct);
        if (projectId is not { } project)
        {
            if (!strict)
            {
                return Result<IReadOnlyList<MessageItemReference>>.Ok([]);
            }

            return Result<IReadOnlyList<MessageItemReference>>.Invalid(SendMessage.BodyField,
                $"#{tokens[0]} refers to a project item, but this conversation has no project. Put the text in `backticks` if it is not a reference.");
        }

        var ids = tokens.Select(t => long.TryParse(t.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        var deliverables = await db.ProjectDeliverables.AsNoTracking().Where(d => d.ProjectId == project && ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        var milestones = await db.ProjectMilestones.AsNoTracking().Where(m => m.ProjectId == project && ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        var references = new List<MessageItemReference>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var isMilestone = tokens[i][0] == 'M';
            if (!(isMilestone ? milestones : deliverables).Contains(ids[i]))
            {
                if (!strict)
                {
                    continue;
                }

                return Result<IReadOnlyList<MessageItemReference>>.Invalid(SendMessage.BodyField,
                    $"#{tokens[i]} is not a {(isMilestone ? "milestone" : "checklist item")} of this conversation's project. Pick an item from the list that appears as you type #, or put the text in `backticks` if it is not a reference.");
            }

            references.Add(new MessageItemReference
            {
                Token = tokens[i],
                ProjectId = project,
                DeliverableId = isMilestone ? null : ids[i],
                MilestoneId = isMilestone ? ids[i] : null,
            });
        }

        return Result<IReadOnlyList<MessageItemReference>>.Ok(references);
    }
}
