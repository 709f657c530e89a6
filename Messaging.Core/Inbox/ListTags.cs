using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

public sealed record TagView(long Id, string Name);

/// <summary>The workspace's tags, by name.</summary>
public sealed class ListTags(MessagingDbContext db)
{
    public async Task<IReadOnlyList<TagView>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsStaff
            ? await db.WorkspaceTags.AsNoTracking().Where(t => t.WorkspaceId == me.WorkspaceId).OrderBy(t => t.Name).Select(t => new TagView(t.Id, t.Name)).ToListAsync(ct)
            : [];
    }
}
