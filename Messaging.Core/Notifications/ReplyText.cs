using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

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

    /// <summary>
    /// The text a reader sees in the HTML part, through a real HTML parser: a line ends at <c>br</c> and at the
    /// end of a <c>p</c> or <c>div</c>; quotes (<c>blockquote</c>, however deep) and what is never shown
    /// (<c>head</c>, <c>style</c>, <c>script</c>, <c>template</c>) are left out; entities are decoded once.
    /// </summary>
    private static string HtmlToText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        AppendText(document.DocumentElement, text);
        return text.ToString();
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText part)
            {
                text.Append(part.Data);
            }
            else if (child is IElement element && !NotText.Contains(element.LocalName))
            {
                if (element.LocalName == "br")
                {
                    text.Append('\n');
                    continue;
                }

                AppendText(element, text);
                if (element.LocalName is "p" or "div")
                {
                    text.Append('\n');
                }
            }
        }
    }

    private static readonly HashSet<string> NotText = ["head", "style", "script", "template", "blockquote"];

    [GeneratedRegex(@"^\s*(On|Am|Le)\s.+(wrote|schrieb|a écrit)\s?:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteHeader();

    [GeneratedRegex(@"^\s*Sent from my\s", RegexOptions.IgnoreCase)]
    private static partial Regex SentFrom();

}
