using System.Globalization;
using System.Text;
using Messaging.Core.Conversations;
using Messaging.Core.Inbox;

namespace Messaging.Core.Search;

/// <summary>
/// Reads the search box: <c>from:</c>, <c>in:</c>, <c>project:</c>, <c>has:attachment</c>, <c>file:</c>,
/// <c>before:</c>, <c>after:</c>, <c>is:unread</c>, <c>is:archived</c>, <c>filetype:</c> (or <c>has:image</c>, ...),
/// <c>type:</c> (message, note, system; or <c>is:note</c>, ...), <c>status:</c>, <c>with:</c> and <c>category:</c> become filters (values may be
/// "quoted"); everything else stays text for <c>websearch_to_tsquery</c> (words, "phrases", OR, -word).
/// Never throws: an unknown operator is searched as text, a bad value is dropped, an unclosed quote is
/// ignored, each with a warning; only a query of <see cref="SearchQuery.MaxLength"/> characters or more
/// is refused. The text only ever reaches SQL as a parameter.
/// </summary>
public static class SearchQueryParser
{
    private static readonly string[] Operators = ["from", "in", "project", "has", "file", "before", "after", "is", "filetype", "type", "status", "with", "category"];

    public static SearchQuery Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return SearchQuery.None;
        }

        if (raw.Length >= SearchQuery.MaxLength)
        {
            return SearchQuery.None with
            {
                Error = string.Create(CultureInfo.InvariantCulture, $"Searches are limited to {SearchQuery.MaxLength - 1} characters; this one has {raw.Length:N0}. Use fewer, more distinctive words."),
            };
        }

        var warnings = new List<string>();
        var input = raw.Replace('\u201C', '"').Replace('\u201D', '"');
        if (input.Count(c => c == '"') % 2 == 1)
        {
            var last = input.LastIndexOf('"');
            input = input.Remove(last, 1);
            warnings.Add("A quotation mark was not closed, so it was left out.");
        }

        var filters = SearchFilters.Empty;
        var text = new List<string>();
        foreach (var token in Tokenize(input))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? token[..colon].ToLowerInvariant() : null;
            if (key is null || !key.All(char.IsAsciiLetter))
            {
                text.Add(token);
                continue;
            }

            var value = Unquote(token[(colon + 1)..]);
            if (!Operators.Contains(key))
            {
                if (key.Length <= 20 && !token.Contains("//", StringComparison.Ordinal))
                {
                    warnings.Add($"\u201C{key}:\u201D is not a search filter, so it was searched as text.");
                }

                text.Add(token);
                continue;
            }

            if (Apply(filters, key, value) is { } applied)
            {
                filters = applied;
            }
            else
            {
                warnings.Add(Problem(key, value));
            }
        }

        return new SearchQuery(string.Join(' ', text).Trim(), filters, warnings);
    }

    private static SearchFilters? Apply(SearchFilters f, string key, string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        return key switch
        {
            "from" => f with { From = value },
            "in" => f with { In = value },
            "project" => f with { Project = value },
            "file" => f with { File = value },
            "has" when value.Equals("attachment", StringComparison.OrdinalIgnoreCase) || value.Equals("file", StringComparison.OrdinalIgnoreCase) => f with { HasAttachment = true },
            "is" when value.Equals("unread", StringComparison.OrdinalIgnoreCase) => f with { IsUnread = true },
            "is" when value.Equals("archived", StringComparison.OrdinalIgnoreCase) => f with { IsArchived = true },
            "has" or "filetype" when FileType(value) is { } type => f with { FileType = type },
            "type" or "is" when MessageType(value) is { } kind => f with { MessageType = kind },
            "status" when Status(value) is { } status => f with { Status = status },
            "category" when Category(value) is { } category => f with { Category = category },
            "with" => f with { With = value },
            "before" when ParseDate(value) is { } d => f with { Before = d },
            "after" when ParseDate(value) is { } d => f with { After = d },
            _ => null,
        };
    }

    private static string Problem(string key, string value) => key switch
    {
        _ when value.Length == 0 => $"\u201C{key}:\u201D needs a value, so it was left out.",
        "before" or "after" => $"\u201C{key}:{value}\u201D is not a date like {key}:2025-03-31, so it was left out.",
        "has" => $"\u201Chas:{value}\u201D is not known (try has:attachment or has:image), so it was left out.",
        "filetype" => $"\u201Cfiletype:{value}\u201D is not known (try {string.Join(", ", SearchFilters.FileTypes)}), so it was left out.",
        "type" => $"\u201Ctype:{value}\u201D is not known (try type:message or type:system), so it was left out.",
        "status" => $"\u201Cstatus:{value}\u201D is not known (try open, waiting or closed), so it was left out.",
        "category" => $"\u201Ccategory:{value}\u201D is not known (try project, general or system), so it was left out.",
        _ => $"\u201Cis:{value}\u201D is not known (try is:unread or is:archived), so it was left out.",
    };

    /// <summary>
    /// The search as <paramref name="isStaff"/> may run it: a client's <c>status:</c> (the team's workflow) and
    /// <c>type:note</c> (internal notes) are left out with a warning that says no more than for an unknown value.
    /// The use case enforces the same rules on its own; this only tells the member why.
    /// </summary>
    public static SearchQuery ForMember(SearchQuery query, bool isStaff)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (isStaff || query.Error is not null)
        {
            return query;
        }

        var f = query.Filters;
        var warnings = query.Warnings.ToList();
        if (f.Status is not null)
        {
            warnings.Add("\u201Cstatus:\u201D is a filter for the team, so it was left out.");
            f = f with { Status = null };
        }

        if (f.MessageType == SearchMessageType.Note)
        {
            warnings.Add(Problem("type", "note"));
            f = f with { MessageType = null };
        }

        return query with { Filters = f, Warnings = warnings };
    }

    public static string? FileType(string value)
    {
        var lower = value.ToLowerInvariant() switch
        {
            "images" or "photo" or "photos" or "picture" => "image",
            "videos" or "movie" => "video",
            "documents" or "doc" or "docs" or "pdf" => "document",
            "spreadsheets" or "sheet" or "sheets" or "excel" => "spreadsheet",
            "archives" or "zip" => "archive",
            var v => v,
        };
        return SearchFilters.FileTypes.Contains(lower) ? lower : null;
    }

    public static SearchMessageType? MessageType(string value) => value.ToLowerInvariant() switch
    {
        "message" or "messages" => SearchMessageType.Message,
        "note" or "notes" or "internal" => SearchMessageType.Note,
        "system" or "automatic" => SearchMessageType.System,
        _ => null,
    };

    public static ConversationStatus? Status(string value) => value.ToLowerInvariant() switch
    {
        "open" => ConversationStatus.Open,
        "waiting" or "waitingonclient" or "waiting-on-client" => ConversationStatus.WaitingOnClient,
        "closed" => ConversationStatus.Closed,
        _ => null,
    };

    public static ConversationCategory? Category(string value) => value.ToLowerInvariant() switch
    {
        "project" => ConversationCategory.Project,
        "general" => ConversationCategory.General,
        "system" => ConversationCategory.System,
        _ => null,
    };

    public static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, SearchQuery.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Trim() : value.Trim('"').Trim();

    /// <summary>Splits on white space, keeping "quoted runs" (and key:"quoted values") in one token.</summary>
    private static IEnumerable<string> Tokenize(string input)
    {
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in input)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
