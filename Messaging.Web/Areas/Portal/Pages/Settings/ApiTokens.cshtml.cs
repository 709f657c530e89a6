using Messaging.Core.Api;
using Messaging.Web.Api;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Areas.Portal.Pages.Settings;

public sealed class ApiTokensModel(CurrentMemberAccessor accessor, ListApiTokens list, CreateApiToken create, RevokeApiToken revoke, TimeProvider clock)
    : ApiTokensPageModel(accessor, list, create, revoke, clock)
{
    public override string Path => "/portal/settings/api-tokens";
}
