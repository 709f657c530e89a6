using Messaging.Core.Conversations;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Api;

/// <summary><c>/api/v1/conversations</c>: the list the member's inbox shows, and one conversation's header.</summary>
public static class ConversationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/conversations", ListAsync).WithName("ListConversations").WithSummary("Conversations the member may see, newest activity first, one page at a time.");
        api.MapGet("/conversations/{id:long}", GetAsync).WithName("GetConversation").WithSummary("One conversation: subject, project, participants.");
    }

    /// <summary>Page numbers (1, 2, …) as the inbox pages; <c>archived=true</c> lists the archived ones instead.</summary>
    private static async Task<IResult> ListAsync(int? page, bool? archived, long? projectId, CurrentMemberAccessor accessor, ListConversations list, CancellationToken ct)
    {
        var result = await list.HandleAsync(await accessor.RequireAsync(ct), new ListConversationsQuery(ProjectId: projectId, Page: page ?? 1, Archived: archived == true), ct);
        return TypedResults.Ok(new ApiConversationPage(result.Rows.Select(ApiConversation.From).ToList(), result.Page, result.HasMore ? result.Page + 1 : null));
    }

    private static async Task<IResult> GetAsync(long id, CurrentMemberAccessor accessor, GetThread thread, CancellationToken ct) =>
        await thread.HandleAsync(await accessor.RequireAsync(ct), id, beforeMessageId: null, ct) is { } view
            ? TypedResults.Ok(ApiConversationDetails.From(view.Header))
            : ApiProblems.NotFound();
}
