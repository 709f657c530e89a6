using Messaging.Core.Search;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;

namespace Messaging.Web.Areas.Staff.Pages.Messages;

public sealed class SearchModel(CurrentMemberAccessor accessor, FindMessages search, SaveSearch save, DeleteSavedSearch delete)
    : SearchPageModel(accessor, search, save, delete)
{
    public override string BasePath => "/staff/messages";
}
