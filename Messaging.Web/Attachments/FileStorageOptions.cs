namespace Messaging.Web.Attachments;

/// <summary>Where attachment bytes go and how often the cleanup job runs (section <c>Messaging:Files</c>).</summary>
public sealed class FileStorageOptions
{
    public const string Section = "Messaging:Files";

    /// <summary>The local-disk blob store's folder; relative paths are under the content root. Default <c>.data/files</c>.</summary>
    public string Root { get; set; } = Path.Combine(".data", "files");

    /// <summary>Minutes between cleanup runs (0 turns the job off, e.g. for tests that run it themselves).</summary>
    public int CleanupIntervalMinutes { get; set; } = 60;

    /// <summary>How old a blob no attachment references must be before the cleanup job removes it: longer than any upload takes.</summary>
    public int OrphanGraceHours { get; set; } = 24;
}
