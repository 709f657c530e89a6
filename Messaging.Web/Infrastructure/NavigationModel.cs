using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Settings;
using Messaging.Web.Live;

namespace Messaging.Web.Infrastructure;

/// <summary>What the layout's navigation shows for the signed-in member: links, the unread badge, and where the event stream starts.</summary>
public sealed class NavigationModel(
    CurrentMemberAccessor accessor,
    GetMessagesModule module,
    CountUnreadConversations unread,
    EventWatermark events)
{
    public sealed record View(CurrentMember Member, bool MessagesOn, string MessagesPath, int Unread, long LatestEventId);

    public async Task<View?> GetAsync(CancellationToken ct = default)
    {
        var member = await accessor.GetAsync(ct);
        if (member is null)
        {
            return null;
        }

        var on = member.Can(Permissions.View) && await module.HandleAsync(member.WorkspaceId, ct);
        return new View(
            member,
            on,
            MessagesPath(member),
            on ? await unread.HandleAsync(member, ct) : 0,
            on ? await events.GetAsync(ct) : 0);
    }

    public static string MessagesPath(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.IsClient ? "/portal/messages" : "/staff/messages";
    }

    /// <summary>The member's notification settings page, where their time zone is set too.</summary>
    public static string NotificationSettingsPath(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.IsClient ? "/portal/settings/notifications" : "/staff/settings/notifications";
    }

    /// <summary>The member's API tokens page, beside the notification settings.</summary>
    public static string ApiTokensPath(CurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.IsClient ? "/portal/settings/api-tokens" : "/staff/settings/api-tokens";
    }
}
