using Messaging.Core.Access;
using Messaging.Core.Common;

namespace Messaging.Core.Settings;

/// <summary>Who may change a workspace's settings (messages module, limits, receipts, files, inbox, time zone): its administrators.</summary>
public static class WorkspaceSettingsGuard
{
    public const string AdminsOnly = "Only administrators can change company settings.";

    /// <summary>The refusal for a member who is not an administrator; null for one who is.</summary>
    public static Result<T>? Refuse<T>(CurrentMember me)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsAdmin ? null : Result<T>.Forbidden(AdminsOnly);
    }
}
