namespace Messaging.Core.Settings;

/// <summary>The company: every row that belongs to one carries its id.</summary>
public sealed class Workspace
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Switching this off hides messaging everywhere and stops sending; no data is deleted.</summary>
    public bool MessagesEnabled { get; set; } = true;

    /// <summary>How long after sending authors may edit their message; 0 turns editing off.</summary>
    public int EditWindowMinutes { get; set; } = DefaultEditWindowMinutes;

    public const int DefaultEditWindowMinutes = 15;

    /// <summary>Whether members see "Seen" / "Seen by ..." under their messages; off for privacy.</summary>
    public bool ReadReceiptsEnabled { get; set; } = true;

    /// <summary>Largest file a member may attach (default 50 MB).</summary>
    public long MaxFileBytes { get; set; } = Attachments.FileSettings.Default.MaxFileBytes;

    /// <summary>Largest total of the files of one message (default 100 MB).</summary>
    public long MaxMessageBytes { get; set; } = Attachments.FileSettings.Default.MaxMessageBytes;

    /// <summary>Storage each project's files may use (default 5 GB).</summary>
    public long ProjectQuotaBytes { get; set; } = Attachments.FileSettings.Default.ProjectQuotaBytes;

    /// <summary>Comma-separated file extensions members may attach; each one is known to <see cref="Attachments.FileTypes"/>.</summary>
    public string AllowedFileTypes { get; set; } = string.Join(',', Attachments.FileSettings.Default.AllowedExtensions);

    /// <summary>Days the files of a deleted message are kept before the cleanup job removes their bytes (default 30).</summary>
    public int FileRetentionDays { get; set; } = Attachments.FileSettings.Default.RetentionDays;

    /// <summary>A staff reply sets the conversation to "waiting on client" (the default); off leaves the status alone.</summary>
    public bool StaffReplySetsWaiting { get; set; } = true;

    /// <summary>Off by default: no automatic text goes to clients while their assignee is away.</summary>
    public bool OutOfOfficeEnabled { get; set; }

    public string? OutOfOfficeText { get; set; }

    public const int MaxOutOfOfficeLength = 1000;

    /// <summary>IANA time zone id the workspace reads times in (exports show local times beside UTC); default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How many days before a project deadline its reminder is posted (migration 0033); 0 leaves only the overdue one.</summary>
    public int ReminderDaysBefore { get; set; } = DefaultReminderDaysBefore;

    public const int DefaultReminderDaysBefore = 2;

    public const int MaxReminderDaysBefore = 30;

    /// <summary>The language its messages are searched in (stemming, stop words); one of the search's languages, default english (issue 19).</summary>
    public string SearchLanguage { get; set; } = "english";

    public DateTimeOffset CreatedAt { get; set; }
}
