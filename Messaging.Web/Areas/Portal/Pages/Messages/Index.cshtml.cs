using Messaging.Core.Conversations;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;

namespace Messaging.Web.Areas.Portal.Pages.Messages;

public sealed class IndexModel(ConversationListServices services) : ConversationListPageModel(services)
{
    public override string BasePath => "/portal/messages";
}
