using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

public enum FileSort
{
    Date,
    Name,
    Type,
    Size,
    Sender,
}

/// <summary>How the Files tab is asked to show its list.</summary>
public sealed record FileListQuery(FileSort Sort = FileSort.Date, bool Descending = true, FileCategory? Category = null);

public sealed record FileRow(
    long Id,
    string FileName,
    FileCategory Category,
    string Extension,
    long SizeBytes,
    string SharedBy,
    DateTimeOffset SharedAt,
    long ConversationId,
    string ConversationSubject,
    long MessageId,
    bool IsInternal)
{
    public string Size => FileSize.Format(SizeBytes);

    public string TypeLabel => FileTypes.Find(Extension)?.Label ?? Extension;
}

/// <summary>A Files tab: what it lists, the rows, and how many files of each category there are (for the filter).</summary>
public sealed record FileList(
    string Title,
    long? ConversationId,
    long? ProjectId,
    FileListQuery Query,
    IReadOnlyList<FileRow> Rows,
    IReadOnlyDictionary<FileCategory, int> Counts,
    bool Truncated);

/// <summary>
/// The Files tab's list, once its scope is known: read through <see cref="AttachmentAccess"/> (internal notes'
/// files only for staff; deleted and hidden messages' files never), counted per category, filtered, sorted.
/// </summary>
internal static class FileListing
{
    public const int MaxRows = 500;

    public static async Task<FileList?> ListAsync(
        MessagingDbContext db, CurrentMember me, string title, long? conversationId, long? projectId,
        System.Linq.Expressions.Expression<Func<Attachment, bool>> scope, FileListQuery query, CancellationToken ct)
    {
        var files = db.AvailableTo(me).AsNoTracking().Where(scope);
        var counts = await files.GroupBy(a => a.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (query.Category is { } category)
        {
            files = files.Where(a => a.Category == category);
        }

        var sorted = (query.Sort, query.Descending) switch
        {
            (FileSort.Name, false) => files.OrderBy(a => a.FileName).ThenBy(a => a.Id),
            (FileSort.Name, true) => files.OrderByDescending(a => a.FileName).ThenByDescending(a => a.Id),
            (FileSort.Type, false) => files.OrderBy(a => a.Category).ThenBy(a => a.Extension).ThenBy(a => a.Id),
            (FileSort.Type, true) => files.OrderByDescending(a => a.Category).ThenByDescending(a => a.Extension).ThenByDescending(a => a.Id),
            (FileSort.Size, false) => files.OrderBy(a => a.SizeBytes).ThenBy(a => a.Id),
            (FileSort.Size, true) => files.OrderByDescending(a => a.SizeBytes).ThenByDescending(a => a.Id),
            (FileSort.Sender, false) => files.OrderBy(a => a.Uploader!.DisplayName).ThenBy(a => a.Id),
            (FileSort.Sender, true) => files.OrderByDescending(a => a.Uploader!.DisplayName).ThenByDescending(a => a.Id),
            (_, false) => files.OrderBy(a => a.Id),
            _ => files.OrderByDescending(a => a.Id),
        };
        var rows = await sorted.Take(MaxRows + 1)
            .Select(a => new FileRow(
                a.Id, a.FileName, a.Category, a.Extension, a.SizeBytes, a.Uploader!.DisplayName, a.CreatedAt,
                a.ConversationId, a.Conversation!.Subject, a.MessageId, a.Message!.Visibility == MessageVisibility.StaffOnly))
            .ToListAsync(ct);
        return new FileList(title, conversationId, projectId, query, rows.Take(MaxRows).ToList(), counts, rows.Count > MaxRows);
    }
}
