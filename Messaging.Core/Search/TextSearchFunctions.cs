using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Messaging.Core.Search;

/// <summary>PostgreSQL text-search functions EF Core does not translate by itself (mapped in <c>MessagingDbContext</c>).</summary>
public static class TextSearchFunctions
{
    /// <summary>
    /// <c>ts_match_vq(vector, query)</c>: what <c>vector @@ query</c> computes, in function form, which the planner
    /// never answers from an index. For a search over a few hundred messages, testing each is far cheaper than a
    /// GIN scan of a frequent word's whole posting list.
    /// </summary>
    [DbFunction("ts_match_vq", IsBuiltIn = true)]
    public static bool MatchWithoutIndex(NpgsqlTsVector vector, NpgsqlTsQuery query) =>
        throw new InvalidOperationException("Translated to SQL by EF Core; not callable in memory.");
}
