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
public abstract partial class ConversationListPageModel(ConversationListServices services) : PageModel
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
        Me = await services.Accessor.RequireAsync(ct);
        List = new ConversationListModel(await services.List.HandleAsync(Me, Query, ct), BasePath, ListUrl, await services.Mentioned.HandleAsync(Me, ct));
        await LoadExtrasAsync(ct);
        return this.PageOrFragment("Messages/_ConversationList", List, Request.IsHtmx() && Request.Headers["HX-Target"] == "conversation-list");
    }

    protected virtual Task LoadExtrasAsync(CancellationToken ct) => Task.CompletedTask;
}
