using Messaging.Core.Settings;

namespace Messaging.Core.Access;

public enum MemberKind
{
    Staff,
    Client,
}

public enum StaffRole
{
    Admin,
    Manager,
    Coordinator,
    Viewer,
}

/// <summary>A user's membership in a workspace. The sign-in account lives in the identity store; this is the person as the workspace knows them.</summary>
public sealed class Member
{
    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public Workspace? Workspace { get; set; }

    /// <summary>The identity account (AspNetUsers.Id).</summary>
    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    public MemberKind Kind { get; set; }

    /// <summary>Set for staff only.</summary>
    public StaffRole? Role { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>An outside subcontractor: a client-kind member who sees only the conversations staff add them to.</summary>
    public bool IsSubcontractor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
