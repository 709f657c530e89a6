namespace Messaging.Core.Attachments;

/// <summary>A workspace's file limits (columns of <c>workspaces</c>), as the upload and cleanup code reads them.</summary>
public sealed record FileSettings(
    long MaxFileBytes,
    long MaxMessageBytes,
    long ProjectQuotaBytes,
    IReadOnlySet<string> AllowedExtensions,
    int RetentionDays)
{
    public const long Megabyte = 1024 * 1024;
    public const long Gigabyte = 1024 * Megabyte;

    /// <summary>How many files one message may carry (the fixed number, not a setting).</summary>
    public const int MaxFilesPerMessage = 10;

    public static FileSettings Default { get; } = new(
        50 * Megabyte,
        100 * Megabyte,
        5 * Gigabyte,
        FileTypes.All.Select(t => t.Extension).ToHashSet(StringComparer.Ordinal),
        30);

    /// <summary>Reads the stored comma-separated list, keeping only extensions the catalog knows.</summary>
    public static IReadOnlySet<string> ParseAllowed(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant())
            .Where(e => FileTypes.Find(e) is not null)
            .ToHashSet(StringComparer.Ordinal);
}
