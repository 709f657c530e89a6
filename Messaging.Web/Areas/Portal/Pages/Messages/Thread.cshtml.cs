using Messaging.Web.Messages;

namespace Messaging.Web.Areas.Portal.Pages.Messages;

public sealed class ThreadModel(ThreadPageServices thread) : ThreadPageModel(thread)
{
    public override string BasePath => "/portal/messages";
}
