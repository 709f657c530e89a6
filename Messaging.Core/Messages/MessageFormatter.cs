using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Messaging.Core.Messages;

/// <summary>
/// Renders the Markdown subset of message bodies to HTML that is safe to put on a page: raw HTML is
/// escaped, not passed through, and links may only point at http, https or mailto.
/// </summary>
public static class MessageFormatter
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var document = Markdown.Parse(body, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }

            link.IsImage = false;
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
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

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        if (url.StartsWith('#') || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
    }
}
