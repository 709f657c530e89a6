using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>The file settings as the admin form edits them: sizes in whole MB/GB, the allowed extensions, retention in days.</summary>
/// <remarks>No type ticked means members cannot attach files at all.</remarks>
public sealed record FileSettingsInput(int? MaxFileMb, int? MaxMessageMb, int? ProjectQuotaGb, IReadOnlyCollection<string>? AllowedTypes, int? RetentionDays)
{
    public const string MaxFileField = "MaxFileMb";
    public const string MaxMessageField = "MaxMessageMb";
    public const string QuotaField = "ProjectQuotaGb";
    public const string TypesField = "AllowedTypes";
    public const string RetentionField = "RetentionDays";

    public const int MaxFileMbLimit = 2048;
    public const int MaxMessageMbLimit = 4096;
    public const int MaxQuotaGb = 100_000;
    public const int MaxRetentionDays = 3650;

    public static FileSettingsInput From(FileSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            (int)(settings.MaxFileBytes / FileSettings.Megabyte),
            (int)(settings.MaxMessageBytes / FileSettings.Megabyte),
            (int)(settings.ProjectQuotaBytes / FileSettings.Gigabyte),
            settings.AllowedExtensions.ToList(),
            settings.RetentionDays);
    }
}

/// <summary>
/// Saves the workspace's file settings (Admins only). Every value is checked first; a refused form changes
/// nothing. A real change is audited as a setting change, in the same SaveChanges, naming what changed.
/// </summary>
public sealed class SetFileSettings(MessagingDbContext db, AuditLog audit)
{
    public async Task<Result<FileSettings>> HandleAsync(CurrentMember me, FileSettingsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        if (WorkspaceSettingsGuard.Refuse<FileSettings>(me) is { } refused)
        {
            return refused;
        }

        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var types = input.AllowedTypes ?? [];
        var allowed = FileTypes.All.Select(t => t.Extension).Where(e => types.Contains(e, StringComparer.OrdinalIgnoreCase)).ToList();
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == me.WorkspaceId, ct);
        var before = await GetFileSettings.LoadAsync(db, workspace.Id, ct);
        workspace.MaxFileBytes = input.MaxFileMb!.Value * FileSettings.Megabyte;
        workspace.MaxMessageBytes = input.MaxMessageMb!.Value * FileSettings.Megabyte;
        workspace.ProjectQuotaBytes = input.ProjectQuotaGb!.Value * FileSettings.Gigabyte;
        workspace.AllowedFileTypes = string.Join(',', allowed);
        workspace.FileRetentionDays = input.RetentionDays!.Value;
        var after = new FileSettings(workspace.MaxFileBytes, workspace.MaxMessageBytes, workspace.ProjectQuotaBytes, allowed.ToHashSet(StringComparer.Ordinal), workspace.FileRetentionDays);

        var changes = Describe(before, after);
        if (changes.Count > 0)
        {
            audit.Record(me, AuditActions.SettingChange, "workspace", workspace.Id.ToString(CultureInfo.InvariantCulture), "files: " + string.Join("; ", changes));
            await db.SaveChangesAsync(ct);
        }

        return Result<FileSettings>.Ok(after);
    }

    private static Result<FileSettings>? Validate(FileSettingsInput input)
    {
        if (input.MaxFileMb is not (>= 1 and <= FileSettingsInput.MaxFileMbLimit))
        {
            return Result<FileSettings>.Invalid(FileSettingsInput.MaxFileField, $"Enter a size per file between 1 and {FileSettingsInput.MaxFileMbLimit} MB.");
        }

        if (input.MaxMessageMb is not (>= 1 and <= FileSettingsInput.MaxMessageMbLimit))
        {
            return Result<FileSettings>.Invalid(FileSettingsInput.MaxMessageField, $"Enter a size per message between 1 and {FileSettingsInput.MaxMessageMbLimit} MB.");
        }

        if (input.MaxMessageMb < input.MaxFileMb)
        {
            return Result<FileSettings>.Invalid(FileSettingsInput.MaxMessageField, "The size per message can't be smaller than the size per file.");
        }

        if (input.ProjectQuotaGb is not (>= 1 and <= FileSettingsInput.MaxQuotaGb))
        {
            return Result<FileSettings>.Invalid(FileSettingsInput.QuotaField, $"Enter a project quota between 1 and {FileSettingsInput.MaxQuotaGb:N0} GB.");
        }

        var unknown = (input.AllowedTypes ?? []).Where(e => FileTypes.Find(e) is null).ToList();
        if (unknown.Count > 0)
        {
            return Result<FileSettings>.Invalid(FileSettingsInput.TypesField, $"Unknown file type: {string.Join(", ", unknown)}. Choose from the list.");
        }

        if (input.RetentionDays is not (>= 1 and <= FileSettingsInput.MaxRetentionDays))
        {
            return Result<FileSettings>.Invalid(FileSettingsInput.RetentionField, $"Enter a retention period between 1 and {FileSettingsInput.MaxRetentionDays} days.");
        }

        return null;
    }

    private static List<string> Describe(FileSettings before, FileSettings after)
    {
        var changes = new List<string>();
        void Compare(string what, long a, long b, Func<long, string> show)
        {
            if (a != b)
            {
                changes.Add($"{what} {show(a)} → {show(b)}");
            }
        }

        Compare("per file", before.MaxFileBytes, after.MaxFileBytes, FileSize.Format);
        Compare("per message", before.MaxMessageBytes, after.MaxMessageBytes, FileSize.Format);
        Compare("project quota", before.ProjectQuotaBytes, after.ProjectQuotaBytes, FileSize.Format);
        Compare("retention days", before.RetentionDays, after.RetentionDays, d => d.ToString(CultureInfo.InvariantCulture));
        var added = after.AllowedExtensions.Except(before.AllowedExtensions).Order(StringComparer.Ordinal).ToList();
        var removed = before.AllowedExtensions.Except(after.AllowedExtensions).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            changes.Add("types allowed: " + string.Join(", ", added));
        }

        if (removed.Count > 0)
        {
            changes.Add("types refused: " + string.Join(", ", removed));
        }

        return changes;
    }
}
