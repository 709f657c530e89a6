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

    /// <summary>The category tab (Project, General, System); none (or a name that is not one) lists every category.</summary>
    [BindProperty(SupportsGet = true, Name = "category")]
    public string? CategoryName { get; set; }

    public ConversationCategory? Category => Enum.TryParse<ConversationCategory>(CategoryName, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null;

    public CurrentMember Me { get; private set; } = null!;

    public ConversationListModel List { get; private set; } = null!;

    /// <summary>The list URL with the current filters, for paging links and the live refresh.</summary>
    public virtual string ListUrl(int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{BasePath}?{(IsArchivedView ? "view=archived&" : "")}{(Category is { } c ? $"category={c}&" : "")}p={page}");

    /// <summary>The URL of a category tab (null: all), keeping the archived view.</summary>
    public string CategoryUrl(ConversationCategory? category) =>
        BasePath + QueryString.Create(new[]
        {
            new KeyValuePair<string, string?>("view", IsArchivedView ? ArchivedView : null),
            new KeyValuePair<string, string?>("category", category?.ToString()),
        }.Where(p => p.Value is not null));

    protected virtual ListConversationsQuery Query => new(Page: PageNumber, Archived: IsArchivedView, Category: Category);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Me = await services.Accessor.RequireAsync(ct);
        List = new ConversationListModel(await services.List.HandleAsync(Me, Query, ct), BasePath, ListUrl, await services.Mentioned.HandleAsync(Me, ct));
        await LoadExtrasAsync(ct);
        return this.PageOrFragment("Messages/_ConversationList", List, Request.IsHtmx() && Request.Headers["HX-Target"] == "conversation-list");
    }

    protected virtual Task LoadExtrasAsync(CancellationToken ct) => Task.CompletedTask;
}
