using System.Globalization;
using Htmx;
using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Inbox;
using Messaging.Core.Projects;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Team;

/// <summary>
/// The shared inbox: views (Unassigned, Mine, All, Waiting on client, Closed) with their counts, filters,
/// and assigning from the list. The list and the counts refresh on live events (same URL as fragments).
/// </summary>
[MessagesModule]
public sealed class InboxModel(
    CurrentMemberAccessor accessor, ListInbox inbox, ListRecipients recipients, ListTags tags, AssignConversation assign, GetAssignmentNotice notices) : PageModel
{
    public const string Path = "/staff/inbox";

    [BindProperty(SupportsGet = true, Name = "view")]
    public InboxView View { get; set; } = InboxView.Unassigned;

    [BindProperty(SupportsGet = true, Name = "project")]
    public long? Project { get; set; }

    [BindProperty(SupportsGet = true, Name = "client")]
    public long? Client { get; set; }

    [BindProperty(SupportsGet = true, Name = "tag")]
    public long? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "urgent")]
    public bool Urgent { get; set; }

    [BindProperty(SupportsGet = true, Name = "assignee")]
    public long? Assignee { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CurrentMember Me { get; private set; } = null!;

    public InboxPage Inbox { get; private set; } = null!;

    public RecipientOptions Options { get; private set; } = new([], []);

    public IReadOnlyList<TagView> Tags { get; private set; } = [];

    public string? Error { get; private set; }

    public long? ErrorConversation { get; private set; }

    public IEnumerable<Recipient> Clients => Options.Recipients.Where(r => r.Kind == MemberKind.Client).DistinctBy(r => r.MemberId);

    public IEnumerable<Recipient> Team => Options.Recipients.Where(r => r.Kind == MemberKind.Staff).DistinctBy(r => r.MemberId);

    private InboxQuery Query => new(View, Project, Client, Tag, Urgent, Assignee, PageNumber);

    public static string ViewLabel(InboxView view) => view switch
    {
        InboxView.Waiting => "Waiting on client",
        _ => view.ToString(),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Htmx(h => h.WithVary());
        await LoadAsync(ct);
        return Request.IsHtmx() && Request.Headers["HX-Target"] == "inbox-list" ? Partial("Inbox/_InboxList", this) : Page();
    }

    /// <summary>The counts strip alone (refreshed on every live event).</summary>
    public async Task<IActionResult> OnGetCountsAsync(CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return Partial("Inbox/_InboxViews", new InboxViewsModel(this, await inbox.CountsAsync(Me, Query, ct)));
    }

    /// <summary>The live notice for an assignment line (the layout asks on every "assigned" event); 204 when it is not about this member.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(long messageId, CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        Response.Headers.CacheControl = "no-store";
        var notice = await notices.HandleAsync(Me, messageId, ct);
        return notice is null ? new NoContentResult() : Partial("Inbox/_AssignmentNotice", notice);
    }

    /// <summary>Assign (or take: <paramref name="memberId"/> is the member's own id) from the list.</summary>
    public async Task<IActionResult> OnPostAssignAsync(long conversationId, long? memberId, CancellationToken ct)
    {
        var result = await assign.HandleAsync(await accessor.RequireAsync(ct), conversationId, memberId, ct);
        (Error, ErrorConversation) = (result.Error, conversationId);
        return await this.ListOrRedirectAsync(result, ListUrl(View, PageNumber), "Inbox/_InboxList", () => LoadAsync(ct));
    }

    public string ListUrl(InboxView view, int page = 1)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("view", view.ToString()) };
        Add(pairs, "project", Project);
        Add(pairs, "client", Client);
        Add(pairs, "tag", Tag);
        Add(pairs, "assignee", Assignee);
        if (Urgent)
        {
            pairs.Add(new("urgent", "true"));
        }

        if (page > 1)
        {
            pairs.Add(new("p", page.ToString(CultureInfo.InvariantCulture)));
        }

        return Path + QueryString.Create(pairs);
    }

    public string CountsUrl => ListUrl(View) + "&handler=Counts";

    private static void Add(List<KeyValuePair<string, string?>> pairs, string name, long? value)
    {
        if (value is { } v)
        {
            pairs.Add(new(name, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        Inbox = await inbox.HandleAsync(Me, Query, ct);
        Options = await recipients.HandleAsync(Me, ct);
        Tags = await tags.HandleAsync(Me, ct);
    }
}

public sealed record InboxViewsModel(InboxModel Page, IReadOnlyDictionary<InboxView, int> Counts);
