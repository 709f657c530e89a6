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
}
