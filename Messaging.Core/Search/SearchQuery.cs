using System.Globalization;
using System.Text;

namespace Messaging.Core.Search;

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

    private static void AddValue(List<string> parts, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(value.Contains(' ', StringComparison.Ordinal) ? $"{key}:\"{value}\"" : $"{key}:{value}");
        }
    }
}

/// <summary>
/// Reads the search box: <c>from:</c>, <c>in:</c>, <c>project:</c>, <c>has:attachment</c>, <c>file:</c>,
/// <c>before:</c>, <c>after:</c>, <c>is:unread</c>, <c>is:archived</c> become filters (values may be
/// "quoted"); everything else stays text for <c>websearch_to_tsquery</c> (words, "phrases", OR, -word).
/// Never throws: an unknown operator is searched as text, a bad value is dropped, an unclosed quote is
/// ignored, each with a warning; only a query of <see cref="SearchQuery.MaxLength"/> characters or more
/// is refused. The text only ever reaches SQL as a parameter.
/// </summary>
public static class SearchQueryParser
{
    private static readonly string[] Operators = ["from", "in", "project", "has", "file", "before", "after", "is"];

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
            "before" when ParseDate(value) is { } d => f with { Before = d },
            "after" when ParseDate(value) is { } d => f with { After = d },
            _ => null,
        };
    }

    private static string Problem(string key, string value) => key switch
    {
        _ when value.Length == 0 => $"\u201C{key}:\u201D needs a value, so it was left out.",
        "before" or "after" => $"\u201C{key}:{value}\u201D is not a date like {key}:2025-03-31, so it was left out.",
        "has" => $"\u201Chas:{value}\u201D is not known (try has:attachment), so it was left out.",
        _ => $"\u201Cis:{value}\u201D is not known (try is:unread or is:archived), so it was left out.",
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
