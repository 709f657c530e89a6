using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Staff.Pages.Messages;

/// <summary>The staff inbox: every conversation the member may see, filterable by project and client, with an unread-first view.</summary>
public sealed class IndexModel(ConversationListServices services, ListRecipients recipients)
    : ConversationListPageModel(services)
{
    public override string BasePath => "/staff/messages";

    [BindProperty(SupportsGet = true, Name = "project")]
    public long? Project { get; set; }

    [BindProperty(SupportsGet = true, Name = "client")]
    public long? Client { get; set; }

    [BindProperty(SupportsGet = true, Name = "unread")]
    public bool UnreadFirst { get; set; }

    public RecipientOptions Options { get; private set; } = new([], []);

    public IEnumerable<Recipient> Clients => Options.Recipients
        .Where(r => r.Kind == MemberKind.Client)
        .DistinctBy(r => r.MemberId);

    protected override ListConversationsQuery Query => new(Project, Client, UnreadFirst, PageNumber, Archived: IsArchivedView, Category: Category);

    public override string ListUrl(int page)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Project is { } project)
        {
            pairs.Add(new("project", project.ToString(CultureInfo.InvariantCulture)));
        }

        if (Client is { } client)
        {
            pairs.Add(new("client", client.ToString(CultureInfo.InvariantCulture)));
        }

        if (UnreadFirst)
        {
            pairs.Add(new("unread", "true"));
        }

        if (IsArchivedView)
        {
            pairs.Add(new("view", ArchivedView));
        }

        if (Category is { } category)
        {
            pairs.Add(new("category", category.ToString()));
        }

        pairs.Add(new("p", page.ToString(CultureInfo.InvariantCulture)));
        return BasePath + QueryString.Create(pairs);
    }

    protected override async Task LoadExtrasAsync(CancellationToken ct) =>
        Options = await recipients.HandleAsync(Me, ct);
}
