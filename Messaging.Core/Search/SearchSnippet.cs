using System.Net;
using System.Text;

namespace Messaging.Core.Search;

/// <summary>
/// Turns a ts_headline snippet into safe HTML. PostgreSQL marks the matched words with two private-use
/// characters (<see cref="Start"/>, <see cref="Stop"/>) that are first removed from the body it reads, so
/// they cannot come from what someone wrote; every other character is HTML-encoded, and only our own
/// <c>&lt;mark&gt;</c> elements are put back in their place.
/// </summary>
public static class SearchSnippet
{
    public const char Start = '\uE000';
    public const char Stop = '\uE001';

    /// <summary>The ts_headline options (the selectors are chr(57344) and chr(57345)).</summary>
    public static readonly string HeadlineOptions =
        $"StartSel={Start}, StopSel={Stop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// The ts_headline options for file names: all of the text, marked. The names are given to ts_headline with
    /// every character that is not a letter or digit replaced by one space, as they are indexed (so
    /// <c>Contract_2025.pdf</c> yields <c>contract</c>); <see cref="FileNamesToHtml"/> puts the characters back.
    /// </summary>
    public static readonly string FileNameOptions = $"StartSel={Start}, StopSel={Stop}, HighlightAll=true";

    public static string ToHtml(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var from = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            var end = i == snippet.Length;
            if (!end && snippet[i] != Start && snippet[i] != Stop)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(snippet[from..i]));
            from = i + 1;
            if (end)
            {
                break;
            }

            if (snippet[i] == Start && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (snippet[i] == Stop && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    /// <summary>
    /// The message's file names (one per line) as safe HTML, with the words ts_headline marked in
    /// <paramref name="marked"/>: the same text, character for character, but with spaces for punctuation and
    /// the two selectors added. The original characters are put back, encoded; where the two do not line up,
    /// the names are shown unmarked.
    /// </summary>
    public static IReadOnlyList<string> FileNamesToHtml(string names, string marked)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(marked);
        var html = new StringBuilder(names.Length + 32);
        using var original = names.EnumerateRunes().GetEnumerator();
        var open = false;
        foreach (var rune in marked.EnumerateRunes())
        {
            if (rune.Value is Start or Stop)
            {
                if (open != (rune.Value == Start))
                {
                    html.Append(open ? "</mark>" : "<mark>");
                    open = !open;
                }

                continue;
            }

            if (!original.MoveNext())
            {
                return Unmarked(names);
            }

            if (original.Current.Value == '\n' && open)
            {
                html.Append("</mark>");
                open = false;
            }

            html.Append(WebUtility.HtmlEncode(original.Current.ToString()));
        }

        if (original.MoveNext())
        {
            return Unmarked(names);
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string[] Unmarked(string names) =>
        names.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => WebUtility.HtmlEncode(n)).ToArray();
}
