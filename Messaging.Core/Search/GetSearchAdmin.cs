using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Search;

/// <summary>What the admin search page shows (Admins): this node's index, the rebuild under way, the workspace's language and the attachments read.</summary>
public sealed class GetSearchAdmin(MessagingDbContext db, SearchIndex index)
{
    public async Task<SearchAdminView?> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsAdmin)
        {
            return null;
        }

        var workspaceId = me.WorkspaceId;
        var language = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.SearchLanguage).SingleAsync(ct);
        var texts = await db.Set<AttachmentText>().AsNoTracking()
            .Where(t => db.Attachments.Any(a => a.Id == t.AttachmentId && a.WorkspaceId == workspaceId))
            .GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new SearchAdminView(index.Status, language, index.LanguageOf(workspaceId), texts.ToDictionary(t => t.Key, t => t.Count));
    }
}

/// <param name="Language">The workspace's search language as set.</param>
/// <param name="IndexedLanguage">The language this node's index holds it in (differs while a rebuild for a new one runs).</param>
/// <param name="AttachmentTexts">Attachments read, by <see cref="AttachmentTextStatus"/>.</param>
public sealed record SearchAdminView(SearchIndexStatus Index, string Language, string IndexedLanguage, IReadOnlyDictionary<string, int> AttachmentTexts);
