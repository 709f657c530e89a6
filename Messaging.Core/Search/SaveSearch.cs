using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Search;

/// <summary>
/// Keeps the search box's text under a name, for the member alone. The same name again replaces its search. A name is
/// required (at most <see cref="SavedSearch.MaxNameLength"/> characters), the search must be one the box accepts, and
/// a member keeps at most <see cref="SavedSearch.MaxPerMember"/>; each refusal is a 422 with its reason.
/// </summary>
public sealed class SaveSearch(MessagingDbContext db, TimeProvider clock)
{
    public const string NameField = "name";
    public const string QueryField = "q";

    public async Task<Result<SavedSearchView>> HandleAsync(CurrentMember me, string? name, string? query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return Result<SavedSearchView>.Invalid(NameField, "Give the search a name.");
        }

        if (trimmed.Length > SavedSearch.MaxNameLength || trimmed.Any(char.IsControl))
        {
            return Result<SavedSearchView>.Invalid(NameField, $"A name has at most {SavedSearch.MaxNameLength} characters.");
        }

        var parsed = SearchQueryParser.Parse(query);
        if (parsed.Error is not null)
        {
            return Result<SavedSearchView>.Invalid(QueryField, parsed.Error);
        }

        if (parsed.IsEmpty)
        {
            return Result<SavedSearchView>.Invalid(QueryField, "Type a search to save.");
        }

        var memberId = me.MemberId;
        var searches = db.Set<SavedSearch>();
        var existing = await searches.SingleOrDefaultAsync(s => s.MemberId == memberId && s.Name == trimmed, ct);
        if (existing is null)
        {
            if (await searches.CountAsync(s => s.MemberId == memberId, ct) >= SavedSearch.MaxPerMember)
            {
                return Result<SavedSearchView>.Invalid(NameField, $"You can keep {SavedSearch.MaxPerMember} saved searches; delete one first.");
            }

            existing = new SavedSearch { WorkspaceId = me.WorkspaceId, MemberId = memberId, Name = trimmed, Query = query!.Trim(), CreatedAt = clock.GetUtcNow() };
            searches.Add(existing);
        }
        else
        {
            existing.Query = query!.Trim();
        }

        await db.SaveChangesAsync(ct);
        return Result<SavedSearchView>.Ok(new SavedSearchView(existing.Id, existing.Name, existing.Query));
    }
}
