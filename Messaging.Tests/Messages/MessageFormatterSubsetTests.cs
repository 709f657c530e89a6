using Messaging.Core.Messages;

namespace Messaging.Tests.Messages;

/// <summary>The Markdown subset, link rules and mention scanning of <see cref="MessageFormatter"/>.</summary>
public sealed class MessageFormatterSubsetTests
{
    [Fact]
    public void ListsInlineCodeCodeBlocksAndLineBreaksRender()
    {
        var html = MessageFormatter.ToHtml("line one\nline two\n\n1. a\n2. b\n\n- x\n\n`<b>code</b>`\n\n```\nif (a < b) {}\n```");

        Assert.Contains("line one<br />", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("<code>&lt;b&gt;code&lt;/b&gt;</code>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code>if (a &lt; b) {}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadingsAndRulesStayAsTyped()
    {
        var html = MessageFormatter.ToHtml("# not a heading\n\nTitle\n---\n\n***");

        Assert.DoesNotContain("<h", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<hr", html, StringComparison.Ordinal);
        Assert.Contains("# not a heading", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](/account/logout)")]
    [InlineData("[x](//evil.example/)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![img](javascript:alert(1))")]
    public void LinksOtherThanHttpHttpsAndMailtoAreNeutralised(string markdown)
    {
        var html = MessageFormatter.ToHtml(markdown);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[site](https://example.com)", "https://example.com")]
    [InlineData("see http://example.com/x", "http://example.com/x")]
    [InlineData("[mail](mailto:team@example.com)", "mailto:team@example.com")]
    public void SafeLinksOpenWithNoopenerNofollow(string markdown, string href)
    {
        var html = MessageFormatter.ToHtml(markdown);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EmojiShortcodesBecomeEmojiAndTypedEmojiStay()
    {
        var html = MessageFormatter.ToHtml("Great :tada: 👍");

        Assert.Contains("🎉", html, StringComparison.Ordinal);
        Assert.Contains("👍", html, StringComparison.Ordinal);
    }

    private static readonly MentionCandidate[] People = [new(1, "Chloe Client"), new(2, "Sam Staff"), new(3, "Sam Other")];

    [Fact]
    public void MentionsResolveFullNamesAndUniqueFirstNamesButNotEmailsOrCode()
    {
        var hits = MessageFormatter.FindMentions("Hi @chloe client and @Chloe, mail x@Chloe.com, `@Sam Staff`, [@Sam Staff](https://x.example)", People);

        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(1, h.Candidate!.MemberId));
        Assert.Equal("@chloe client", hits[0].Typed);
    }

    [Fact]
    public void UnknownAndAmbiguousMentionsHaveNoCandidate()
    {
        var hits = MessageFormatter.FindMentions("@Carlos and @Sam, not @ 5pm", People);

        Assert.Equal(2, hits.Count);
        Assert.Equal("@Carlos", hits[0].Typed);
        Assert.Null(hits[0].Candidate);
        Assert.False(hits[0].Ambiguous);
        Assert.True(hits[1].Ambiguous);
    }

    [Fact]
    public void MentionedPeopleAreHighlightedAndTheReaderAsMe()
    {
        var html = MessageFormatter.ToHtml("**@Sam Staff** and @Chloe Client <b>", [People[0], People[1]], myMemberId: 1);

        Assert.Contains("<strong><span class=\"mention\" data-testid=\"mention\" data-member-id=\"2\">@Sam Staff</span></strong>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"mention is-me\" data-testid=\"mention\" data-member-id=\"1\">@Chloe Client</span> &lt;b&gt;", html, StringComparison.Ordinal);
    }
}
