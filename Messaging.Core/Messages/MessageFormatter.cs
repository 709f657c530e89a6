using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Messaging.Core.Messages;

/// <summary>
/// Renders the Markdown subset of message bodies to HTML that is safe to put on a page: bold, italic,
/// links, lists, inline code, code blocks and line breaks (plus emoji shortcodes such as <c>:tada:</c>).
/// Raw HTML is escaped, not passed through; headings and rules stay plain text; links may only point at
/// http, https or mailto (anything else becomes <c>#</c>) and open with <c>rel="noopener nofollow"</c>.
/// </summary>
public static partial class MessageFormatter
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    /// <summary><c>#D12</c> (checklist item) or <c>#M3</c> (milestone), not inside a word or after another <c>#</c>.</summary>
    [GeneratedRegex(@"(?<![\w#&])#([DM][0-9]{1,18})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ItemReferencePattern();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseEmojiAndSmiley(enableSmileys: false)
            .UseSoftlineBreakAsHardlineBreak();

        // Not part of the message subset: "# text" and "---" stay as typed instead of becoming headings and rules.
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        if (builder.BlockParsers.Find<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.ParseSetexHeadings = false;
        }

        return builder.Build();
    }

    public static string ToHtml(string body) => ToHtml(body, []);

    /// <summary>Renders the body; <c>@name</c> of the given mentioned people is highlighted (<paramref name="myMemberId"/>'s own as "me").</summary>
    public static string ToHtml(string body, IReadOnlyList<MentionCandidate> mentioned, long? myMemberId = null) => ToHtml(body, mentioned, [], myMemberId);

    /// <summary>
    /// Renders the body with its mentions highlighted and its resolved item references as link chips to the item in the
    /// project panel; a <c>#D12</c> not among <paramref name="references"/> stays the text typed.
    /// </summary>
    public static string ToHtml(string body, IReadOnlyList<MentionCandidate> mentioned, IReadOnlyList<ItemReferenceView> references, long? myMemberId)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(mentioned);
        var document = Parse(body);
        KeepBreaksAsText(document, body);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            SecureLink(link, link.Url, url => link.Url = url);
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            SecureLink(link, link.Url, url => link.Url = url);
        }

        if (mentioned.Count > 0)
        {
            HighlightMentions(document, mentioned, myMemberId);
        }

        if (references.Count > 0)
        {
            LinkReferences(document, references);
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>A short plain-text preview for conversation lists.</summary>
    public static string Preview(string body, int max = 140)
    {
        ArgumentNullException.ThrowIfNull(body);
        var flat = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }

    /// <summary>Every <c>@</c> mention written in the body's text (not in code or link text), resolved against the candidates.</summary>
    public static IReadOnlyList<MentionHit> FindMentions(string body, IReadOnlyList<MentionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TextLiterals(Parse(body))
            .SelectMany(l => MentionScanner.Scan(l.Literal.Content.ToString(), l.Before, candidates))
            .ToList();
    }

    /// <summary>Every <c>#D12</c> / <c>#M3</c> written in the body's text (not in code or link text), once each, as the token after the <c>#</c>.</summary>
    public static IReadOnlyList<string> FindItemReferences(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TextLiterals(Parse(body))
            .SelectMany(l => ItemReferencePattern().Matches(l.Literal.Content.ToString()).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether a URL may be a link in a message: http, https or mailto only.</summary>
    public static bool IsSafeUrl(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);

    private static MarkdownDocument Parse(string body) => Markdown.Parse(body, Pipeline);

    /// <summary>"***" can still parse as a rule (the list parser recognises it): turn any rule back into the text typed.</summary>
    private static void KeepBreaksAsText(MarkdownDocument document, string body)
    {
        foreach (var rule in document.Descendants<ThematicBreakBlock>().ToList())
        {
            if (rule.Parent is not { } parent)
            {
                continue;
            }

            var paragraph = new ParagraphBlock { Inline = new ContainerInline() };
            paragraph.Inline.AppendChild(new LiteralInline(body.Substring(rule.Span.Start, rule.Span.Length).Trim()));
            parent[parent.IndexOf(rule)] = paragraph;
        }
    }

    private static void SecureLink(Inline link, string? url, Action<string> setUrl)
    {
        if (!IsSafeUrl(url))
        {
            setUrl("#");
            return;
        }

        var attributes = link.GetAttributes();
        attributes.AddPropertyIfNotExist("rel", "noopener nofollow");
        attributes.AddPropertyIfNotExist("target", "_blank");
    }

    /// <summary>Plain-text pieces of the document where a mention may be written: not inside links (code is not literal text).</summary>
    private static List<(LiteralInline Literal, char? Before)> TextLiterals(MarkdownDocument document) =>
        document.Descendants<LiteralInline>()
            .Where(l => l.FindParentOfType<LinkInline>().FirstOrDefault() is null)
                .Select(l => (Literal: l, Before: l.PreviousSibling is LiteralInline { Content.Length: > 0 } previous ? previous.Content.ToString()[^1] : (char?)null))
            .ToList();

    private static void HighlightMentions(MarkdownDocument document, IReadOnlyList<MentionCandidate> mentioned, long? myMemberId)
    {
        foreach (var (literal, before) in TextLiterals(document))
        {
            var text = literal.Content.ToString();
            var hits = MentionScanner.Scan(text, before, mentioned).Where(h => h.Candidate is not null).ToList();
            if (hits.Count == 0)
            {
                continue;
            }

            var at = 0;
            Inline anchor = literal;
            foreach (var hit in hits)
            {
                if (hit.Start > at)
                {
                    anchor = InsertAfter(anchor, new LiteralInline(text[at..hit.Start]));
                }

                var mine = hit.Candidate!.MemberId == myMemberId;
                var html = $"<span class=\"mention{(mine ? " is-me" : "")}\" data-testid=\"mention\" data-member-id=\"{hit.Candidate.MemberId}\">"
                    + WebUtility.HtmlEncode(text.Substring(hit.Start, hit.Length)) + "</span>";
                anchor = InsertAfter(anchor, new HtmlInline(html));
                at = hit.Start + hit.Length;
            }

            if (at < text.Length)
            {
                InsertAfter(anchor, new LiteralInline(text[at..]));
            }

            literal.Remove();
        }
    }

    private static void LinkReferences(MarkdownDocument document, IReadOnlyList<ItemReferenceView> references)
    {
        var byToken = references.ToDictionary(r => r.Token, StringComparer.Ordinal);
        foreach (var (literal, _) in TextLiterals(document))
        {
            var text = literal.Content.ToString();
            var hits = ItemReferencePattern().Matches(text).Where(m => byToken.ContainsKey(m.Groups[1].Value)).ToList();
            if (hits.Count == 0)
            {
                continue;
            }

            var at = 0;
            Inline anchor = literal;
            foreach (var hit in hits)
            {
                if (hit.Index > at)
                {
                    anchor = InsertAfter(anchor, new LiteralInline(text[at..hit.Index]));
                }

                var item = byToken[hit.Groups[1].Value];
                var kind = item.Token[0] == 'M' ? "milestone" : "checklist-item";
                var html = $"<a class=\"item-ref\" data-testid=\"item-reference\" data-item=\"{item.Token}\" data-item-kind=\"{kind}\" href=\"#item-{item.Token}\" title=\"{(kind == "milestone" ? "Milestone" : "Checklist item")}\">#"
                    + WebUtility.HtmlEncode(item.Title) + "</a>";
                anchor = InsertAfter(anchor, new HtmlInline(html));
                at = hit.Index + hit.Length;
            }

            if (at < text.Length)
            {
                InsertAfter(anchor, new LiteralInline(text[at..]));
            }

            literal.Remove();
        }
    }

    private static Inline InsertAfter(Inline anchor, Inline next)
    {
        anchor.InsertAfter(next);
        return next;
    }
}
