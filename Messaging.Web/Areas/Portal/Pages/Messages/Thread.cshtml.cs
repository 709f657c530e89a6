using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;

namespace Messaging.Web.Areas.Portal.Pages.Messages;

public sealed class ThreadModel(
    CurrentMemberAccessor accessor, GetThread getThread, ListNewerMessages newer, MarkThreadRead markRead, SendMessage send)
    : ThreadPageModel(accessor, getThread, newer, markRead, send)
{
    public override string BasePath => "/portal/messages";
}
