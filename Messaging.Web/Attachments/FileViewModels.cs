using System.Globalization;
using Messaging.Core.Attachments;

namespace Messaging.Web.Attachments;

/// <summary>The Messages / Files tabs of a conversation.</summary>
public sealed record ThreadTabsModel(string ThreadPath, bool FilesActive);

/// <summary>
/// A Files tab as the shared list partial shows it: the list, the page's own URL (sort links and the filter
/// form go back to it), and where a file's message is shown.
/// </summary>
public sealed record FileListModel(FileList List, string PageUrl, string ThreadBasePath)
{
    /// <summary>The thread page that ends with the file's message, scrolled to it (older messages are not on the newest page).</summary>
    public string MessageUrl(FileRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Create(CultureInfo.InvariantCulture, $"{ThreadBasePath}/{row.ConversationId}?before={row.MessageId + 1}#m-{row.MessageId}");
    }

    /// <summary>Sorting by a column: ascending first for text, newest/largest first for dates and sizes; clicking again turns it around.</summary>
    public string SortUrl(FileSort sort)
    {
        var query = List.Query;
        var descending = query.Sort == sort ? !query.Descending : sort is FileSort.Date or FileSort.Size;
        return Url(sort, descending, query.Category);
    }

    public string FilterUrl(FileCategory? category) => Url(List.Query.Sort, List.Query.Descending, category);

    public string? SortState(FileSort sort) =>
        List.Query.Sort != sort ? null : List.Query.Descending ? "descending" : "ascending";

    private string Url(FileSort sort, bool descending, FileCategory? category) =>
        string.Create(CultureInfo.InvariantCulture, $"{PageUrl}?sort={sort.ToString().ToLowerInvariant()}&dir={(descending ? "desc" : "asc")}{(category is { } c ? "&type=" + c.ToString().ToLowerInvariant() : "")}");

    /// <summary>Reads the query string: unknown values fall back to the defaults (newest first, every type).</summary>
    public static FileListQuery Parse(string? sort, string? dir, string? type)
    {
        var by = Enum.TryParse<FileSort>(sort, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : FileSort.Date;
        var descending = dir is null ? by is FileSort.Date or FileSort.Size : !string.Equals(dir, "asc", StringComparison.OrdinalIgnoreCase);
        var category = Enum.TryParse<FileCategory>(type, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : (FileCategory?)null;
        return new FileListQuery(by, descending, category);
    }
}
