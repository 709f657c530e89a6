using Messaging.Core.Messages;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Messages;

/// <summary>The conversations with an unread mention of the signed-in member, loaded once per request for the list's "@" markers.</summary>
public sealed class MentionMarkers(CurrentMemberAccessor accessor, ListMentionedConversations list)
{
    private IReadOnlySet<long>? ids;

    public async Task<bool> HasUnreadMentionAsync(long conversationId, CancellationToken ct)
    {
        if (ids is null)
        {
            var me = await accessor.GetAsync(ct);
            ids = me is null ? new HashSet<long>() : await list.HandleAsync(me, ct);
        }

        return ids.Contains(conversationId);
    }
}
