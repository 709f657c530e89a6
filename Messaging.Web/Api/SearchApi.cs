using Messaging.Core.Search;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Api;

/// <summary><c>/api/v1/search?q=</c>: the search box's query language over the messages the member may read.</summary>
public static class SearchApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/search", SearchAsync).WithName("SearchMessages")
            .WithSummary("Full-text search (the search box's operators: from:, in:, has:attachment, before:, after:, …); sort=newest or relevance.");
    }

    private static async Task<IResult> SearchAsync(string? q, long? conversationId, string? sort, int? page, CurrentMemberAccessor accessor, FindMessages find, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var query = SearchQueryParser.ForMember(SearchQueryParser.Parse(q), me.IsStaff);
        var order = string.Equals(sort, "newest", StringComparison.OrdinalIgnoreCase) ? SearchOrder.Newest : SearchOrder.Relevance;
        var result = await find.HandleAsync(me, query, new SearchOptions(conversationId, order, Math.Max(1, page ?? 1)), ct);
        return ApiProblems.From(result, found => TypedResults.Ok(new ApiSearchPage(
            found.Groups.SelectMany(ApiSearchHit.From).ToList(),
            found.Page,
            found.HasMore ? found.Page + 1 : null,
            query.Error is { } error ? [error, .. query.Warnings] : query.Warnings)));
    }
}
