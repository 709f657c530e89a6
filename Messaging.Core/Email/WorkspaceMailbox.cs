namespace Messaging.Core.Email;

/// <summary>How the connection to a mail server is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain text (a local relay or a test server).</summary>
    None,

    /// <summary>STARTTLS, required: the connection fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (SMTPS on 465, IMAPS on 993).</summary>
    Tls,
}

/// <summary>
/// The mailbox a workspace reads email from (IMAP), one per workspace, set by an Admin. The password is stored
/// protected (<see cref="ISecretProtector"/>, ASP.NET Core Data Protection in the web host), never in clear.
/// </summary>
public sealed class WorkspaceMailbox
{
    public const int MaxHostLength = 255;
    public const int MaxUserLength = 255;
    public const int MaxFolderLength = 200;
    public const int MaxErrorLength = 500;

    public long WorkspaceId { get; set; }

    public bool Enabled { get; set; }

    public string Host { get; set; } = "";

    public int Port { get; set; } = 993;

    public MailSecurity Security { get; set; } = MailSecurity.Tls;

    public string UserName { get; set; } = "";

    public string ProtectedPassword { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    /// <summary>Why the last check failed (the server refused the login, was unreachable, ...); null after a good one.</summary>
    public string? LastError { get; set; }
}
