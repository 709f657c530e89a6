using Messaging.Core.Conversations;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Messages;

/// <summary>The navigation badge as a fragment: the number of conversations with unread messages.</summary>
[MessagesModule]
public sealed class UnreadBadgeModel(CurrentMemberAccessor accessor, CountUnreadConversations unread) : PageModel
{
    public int Count { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Count = await unread.HandleAsync(await accessor.RequireAsync(ct), ct);
        Response.Headers.CacheControl = "no-store";
    }
}
