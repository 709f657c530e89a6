using System.Globalization;
using Messaging.Core.Conversations;
using Messaging.Core.Inbox;

namespace Messaging.Core.Search;

/// <summary>What kind of message a search looks for (<c>type:</c>): what people wrote, internal notes (staff only), or automatic ones.</summary>
public enum SearchMessageType
{
    /// <summary>Messages everyone in the thread sees.</summary>
    Message,

    /// <summary>Internal notes: staff only; a client's search never has this filter.</summary>
    Note,

    /// <summary>What the portal wrote: automatic replies and the thread's own lines (added, removed, assigned).</summary>
    System,
}

/// <summary>The filters a search can carry, typed as operators in the box or chosen in the form.</summary>
public sealed record SearchFilters
{
    public string? From { get; init; }

    /// <summary>Words of the conversation's subject (<c>in:</c>).</summary>
    public string? In { get; init; }

    public string? Project { get; init; }

    public bool HasAttachment { get; init; }

    /// <summary>Part of an attachment's file name (<c>file:</c>).</summary>
    public string? File { get; init; }

    /// <summary>Messages sent before this day (UTC), exclusive.</summary>
    public DateOnly? Before { get; init; }

    /// <summary>Messages sent on or after this day (UTC).</summary>
    public DateOnly? After { get; init; }

    /// <summary>The kind of attached file (<c>filetype:</c>): one of <see cref="SearchFilters.FileTypes"/>.</summary>
    public string? FileType { get; init; }

    public SearchMessageType? MessageType { get; init; }

    /// <summary>The conversation's status for the team (<c>status:</c>); staff only.</summary>
    public ConversationStatus? Status { get; init; }

    /// <summary>Part of the name of someone taking part in the conversation (<c>with:</c>).</summary>
    public string? With { get; init; }

    /// <summary>The conversation's category (<c>category:</c>): project, general or system.</summary>
    public ConversationCategory? Category { get; init; }

    /// <summary>The attachment types <c>filetype:</c> knows.</summary>
    public static IReadOnlyList<string> FileTypes { get; } = ["image", "video", "document", "spreadsheet", "archive"];

    /// <summary>The extensions counted as spreadsheets (not documents).</summary>
    public static IReadOnlyList<string> SpreadsheetExtensions { get; } = ["xls", "xlsx", "ods", "csv", "tsv"];

    public bool IsUnread { get; init; }

    public bool IsArchived { get; init; }

    public bool IsEmpty => this == Empty;

    public static SearchFilters Empty { get; } = new();
}

/// <summary>A search as the parser understood it: the words for <c>websearch_to_tsquery</c>, the filters, and what it could not use.</summary>
public sealed record SearchQuery(string Text, SearchFilters Filters, IReadOnlyList<string> Warnings, string? Error = null)
{
    /// <summary>Queries this long or longer are refused with a message (a search box is not a document).</summary>
    public const int MaxLength = 1000;

    public static SearchQuery None { get; } = new(string.Empty, SearchFilters.Empty, []);

    public bool HasText => Text.Length > 0;

    /// <summary>Nothing to search for: the page shows a prompt instead of results.</summary>
    public bool IsEmpty => Error is null && !HasText && Filters.IsEmpty;

    /// <summary>The same search written back as one box: words first, then the operators, quoted where needed.</summary>
    public string Compose()
    {
        var parts = new List<string>();
        if (HasText)
        {
            parts.Add(Text);
        }

        var f = Filters;
        AddValue(parts, "from", f.From);
        AddValue(parts, "in", f.In);
        AddValue(parts, "project", f.Project);
        if (f.HasAttachment)
        {
            parts.Add("has:attachment");
        }

        AddValue(parts, "file", f.File);
        AddValue(parts, "filetype", f.FileType);
        AddValue(parts, "type", f.MessageType?.ToString().ToLowerInvariant());
        AddValue(parts, "status", f.Status is { } status ? StatusName(status) : null);
        AddValue(parts, "with", f.With);
        AddValue(parts, "category", f.Category?.ToString().ToLowerInvariant());
        AddValue(parts, "after", f.After?.ToString(DateFormat, CultureInfo.InvariantCulture));
        AddValue(parts, "before", f.Before?.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (f.IsUnread)
        {
            parts.Add("is:unread");
        }

        if (f.IsArchived)
        {
            parts.Add("is:archived");
        }

        return string.Join(' ', parts);
    }

    internal const string DateFormat = "yyyy-MM-dd";

    /// <summary>How <c>status:</c> names a status (<c>open</c>, <c>waiting</c>, <c>closed</c>).</summary>
    public static string StatusName(ConversationStatus status) => status switch
    {
        ConversationStatus.WaitingOnClient => "waiting",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void AddValue(List<string> parts, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(value.Contains(' ', StringComparison.Ordinal) ? $"{key}:\"{value}\"" : $"{key}:{value}");
        }
    }
}
