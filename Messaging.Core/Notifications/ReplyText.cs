using System.Net;
using System.Text.RegularExpressions;

namespace Messaging.Core.Notifications;

/// <summary>
/// What a person wrote in an email reply, without the quoted notification and their signature: the
/// text is cut at our "reply above this line" marker, at an "On ... wrote:" or "-----Original
/// Message-----" header, at the signature delimiter (<c>-- </c>) or a "Sent from my ..." line; quoted
/// lines (<c>&gt;</c>) are dropped. Without a text part the HTML part is reduced to text.
/// </summary>
public static partial class ReplyText
{
    public static string Extract(string? text, string? html)
    {
        var source = string.IsNullOrWhiteSpace(text) ? HtmlToText(html ?? "") : text;
        var kept = new List<string>();
        foreach (var raw in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (IsCutLine(line))
            {
                break;
            }

            if (!line.StartsWith('>'))
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept).Trim();
    }

    private static bool IsCutLine(string line) =>
        line.Contains(NotificationEmails.ReplyAboveLine, StringComparison.Ordinal)
        || line is "-- " or "--" or "__"
        || WroteHeader().IsMatch(line)
        || line.StartsWith("-----Original Message-----", StringComparison.OrdinalIgnoreCase)
        || SentFrom().IsMatch(line);

    private static string HtmlToText(string html)
    {
        var withBreaks = BlockEnd().Replace(html, "\n");
        var noQuotes = Blockquote().Replace(withBreaks, "");
        return WebUtility.HtmlDecode(Tags().Replace(noQuotes, ""));
    }

    [GeneratedRegex(@"^\s*(On|Am|Le)\s.+(wrote|schrieb|a écrit)\s?:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteHeader();

    [GeneratedRegex(@"^\s*Sent from my\s", RegexOptions.IgnoreCase)]
    private static partial Regex SentFrom();

    [GeneratedRegex(@"<blockquote[\s\S]*?</blockquote>", RegexOptions.IgnoreCase)]
    private static partial Regex Blockquote();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
