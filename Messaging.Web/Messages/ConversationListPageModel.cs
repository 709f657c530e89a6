using System.Globalization;
using Htmx;
using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Messages;

/// <summary>The conversation list, as a page and as the fragment live events refresh (same URL, <c>Vary: HX-Request</c>).</summary>
[MessagesModule]
public abstract partial class ConversationListPageModel(CurrentMemberAccessor accessor, ListConversations list) : PageModel
{
    public abstract string BasePath { get; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CurrentMember Me { get; private set; } = null!;

    public ConversationListModel List { get; private set; } = null!;

    /// <summary>The list URL with the current filters, for paging links and the live refresh.</summary>
    public virtual string ListUrl(int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{BasePath}?{(IsArchivedView ? "view=archived&" : "")}p={page}");

    protected virtual ListConversationsQuery Query => new(Page: PageNumber, Archived: IsArchivedView);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Htmx(h => h.WithVary());
        Me = await accessor.RequireAsync(ct);
        var page = await list.HandleAsync(Me, Query, ct);
        List = new ConversationListModel(page, BasePath, ListUrl);
        await LoadExtrasAsync(ct);
        return Request.IsHtmx() && Request.Headers["HX-Target"] == "conversation-list"
            ? Partial("Messages/_ConversationList", List)
            : Page();
    }

    protected virtual Task LoadExtrasAsync(CancellationToken ct) => Task.CompletedTask;
}
