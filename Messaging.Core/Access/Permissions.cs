namespace Messaging.Core.Access;

/// <summary>Permission names, what each kind and role is granted by default, and how per-member grants and revocations apply.</summary>
public static class Permissions
{
    public const string View = "messages.view";
    public const string Send = "messages.send";
    public const string Delete = "messages.delete";

    /// <summary>Assign conversations to team members (or take them) and change their status (staff only).</summary>
    public const string Assign = "inbox.assign";

    /// <summary>Manage the workspace's tag list and its shared saved replies (Managers and Admins by default).</summary>
    public const string ManageInbox = "inbox.manage";

    /// <summary>Edit the panel of the projects one works on: brief, dates, checklist, milestones, payment state (staff only).</summary>
    public const string EditProjects = "projects.edit";

    /// <summary>Every permission an admin can grant or revoke, in display order.</summary>
    public static readonly IReadOnlyList<string> All = [View, Send, Delete, Assign, ManageInbox, EditProjects];

    private static readonly string[] StaffOnly = [Assign, ManageInbox, EditProjects];

    private static readonly string[] Messaging = [View, Send, Delete];

    private static readonly string[] ReadOnly = [View];

    public static IReadOnlyCollection<string> Defaults(MemberKind kind, StaffRole? role) => kind switch
    {
        MemberKind.Client => Messaging,
        _ => role switch
        {
            StaffRole.Admin or StaffRole.Manager => All.ToArray(),
            StaffRole.Coordinator => [.. Messaging, Assign, EditProjects],
            _ => ReadOnly,
        },
    };

    /// <summary>
    /// Defaults plus grants minus revocations. Two things overrides cannot change: an Admin has
    /// everything, and a Viewer reads but never sends or deletes.
    /// </summary>
    public static IReadOnlySet<string> Effective(MemberKind kind, StaffRole? role, IEnumerable<(string Permission, bool Granted)> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var set = Defaults(kind, role).ToHashSet(StringComparer.Ordinal);
        if (kind == MemberKind.Staff && role == StaffRole.Admin)
        {
            return set;
        }

        foreach (var (permission, granted) in overrides)
        {
            if (granted && CanBeGranted(kind, role, permission))
            {
                set.Add(permission);
            }
            else if (!granted)
            {
                set.Remove(permission);
            }
        }

        return set;
    }

    /// <summary>Whether an admin may grant this permission to a member of this kind and role.</summary>
    public static bool CanBeGranted(MemberKind kind, StaffRole? role, string permission) =>
        All.Contains(permission)
        && !(kind == MemberKind.Staff && role == StaffRole.Viewer && permission != View)
        && !(kind == MemberKind.Client && StaffOnly.Contains(permission));

    /// <summary>Whether per-member overrides apply at all (not to Admins, who always have everything).</summary>
    public static bool CanBeOverridden(MemberKind kind, StaffRole? role) => !(kind == MemberKind.Staff && role == StaffRole.Admin);
}
