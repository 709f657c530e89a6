using Messaging.Core.Access;

namespace Messaging.Core.Email;

/// <summary>Who works the held mail: staff who manage the shared inbox (Managers and Admins by default).</summary>
public static class HeldMailAccess
{
    public static bool Allows(CurrentMember me) => me is { IsStaff: true } && me.Can(Permissions.ManageInbox);
}
