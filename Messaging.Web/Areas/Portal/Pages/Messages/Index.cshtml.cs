using Messaging.Core.Conversations;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;

namespace Messaging.Web.Areas.Portal.Pages.Messages;

public sealed class IndexModel(CurrentMemberAccessor accessor, ListConversations list) : ConversationListPageModel(accessor, list)
{
    public override string BasePath => "/portal/messages";
}
