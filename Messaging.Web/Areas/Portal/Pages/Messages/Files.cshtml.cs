using Messaging.Core.Attachments;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Areas.Portal.Pages.Messages;

public sealed class FilesModel(CurrentMemberAccessor accessor, ListConversationFiles list) : ConversationFilesPageModel(accessor, list)
{
    public override string BasePath => "/portal/messages";
}
