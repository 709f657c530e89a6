namespace Messaging.Core.Access;

/// <summary>The signed-in person in the workspace they are working in: the subject of every access check.</summary>
public sealed record CurrentMember(
    long MemberId,
    long WorkspaceId,
    string DisplayName,
    MemberKind Kind,
    StaffRole? Role,
    IReadOnlySet<string> Permissions)
{
    public bool IsStaff => Kind == MemberKind.Staff;

    public bool IsClient => Kind == MemberKind.Client;

    /// <summary>Admins and Managers see every conversation of the workspace.</summary>
    public bool SeesWholeWorkspace => IsStaff && Role is StaffRole.Admin or StaffRole.Manager;

    public bool IsAdmin => IsStaff && Role == StaffRole.Admin;

    public bool Can(string permission) => Permissions.Contains(permission);
}
