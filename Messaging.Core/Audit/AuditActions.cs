namespace Messaging.Core.Audit;

/// <summary>The names of the actions the audit log records. Stored as text; never rename one that has been written.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string MessageSend = "message.send";
    public const string MessageEdit = "message.edit";
    public const string MessageDelete = "message.delete";
    public const string FileDownload = "file.download";
    public const string Export = "export";
    public const string SettingChange = "setting.change";
    public const string MemberRoleChange = "member.role-change";
    public const string MemberPermissionChange = "member.permission-change";
    public const string MemberDeactivate = "member.deactivate";
    public const string MemberReactivate = "member.reactivate";
    public const string MemberAdd = "member.add";
    public const string ProjectChange = "project.change";
    public const string ParticipantAdd = "participant.add";
    public const string ParticipantRemove = "participant.remove";
    public const string ConversationAssign = "conversation.assign";
    public const string ConversationStatus = "conversation.status";
    public const string ConversationTag = "conversation.tag";
    public const string TagChange = "tag.change";
    public const string AbsenceChange = "absence.change";
    public const string ApiTokenCreate = "api-token.create";
    public const string ApiTokenRevoke = "api-token.revoke";

    /// <summary>Every action, in the order the audit page offers them as a filter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignInFailed, MessageSend, MessageEdit, MessageDelete, FileDownload, Export, SettingChange,
        MemberAdd, MemberRoleChange, MemberPermissionChange, MemberDeactivate, MemberReactivate, ProjectChange, ParticipantAdd, ParticipantRemove,
        ConversationAssign, ConversationStatus, ConversationTag, TagChange, AbsenceChange, ApiTokenCreate, ApiTokenRevoke,
    ];
}
