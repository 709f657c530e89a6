namespace Messaging.Core.Access;

/// <summary>Permission names, and what each kind and role is granted by default.</summary>
public static class Permissions
{
    public const string View = "messages.view";
    public const string Send = "messages.send";
    public const string Delete = "messages.delete";

    private static readonly string[] Everything = [View, Send, Delete];
    private static readonly string[] ReadOnly = [View];

    public static IReadOnlyCollection<string> Defaults(MemberKind kind, StaffRole? role) => kind switch
    {
        MemberKind.Client => Everything,
        _ => role switch
        {
            StaffRole.Viewer => ReadOnly,
            StaffRole.Admin or StaffRole.Manager or StaffRole.Coordinator => Everything,
            _ => ReadOnly,
        },
    };
}
