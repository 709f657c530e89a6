using Messaging.Core.Notifications;
using Messaging.Web.Infrastructure;
using Messaging.Web.Notifications;

namespace Messaging.Web.Areas.Staff.Pages.Settings;

public sealed class NotificationsModel(CurrentMemberAccessor accessor, GetNotificationSettings get, SaveNotificationSettings save)
    : NotificationSettingsPageModel(accessor, get, save)
{
    public override string Path => "/staff/settings/notifications";
}
