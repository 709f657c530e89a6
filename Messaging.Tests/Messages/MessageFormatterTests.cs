using Messaging.Core.Messages;

namespace Messaging.Tests.Messages;

public sealed class MessageFormatterTests
{
    [Fact]
    public void RawHtmlIsEscapedNotRendered()
    {
        var html = MessageFormatter.ToHtml("<script>alert('x')</script> <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void JavascriptLinksAreNeutralised()
    {
        var html = MessageFormatter.ToHtml("[click](javascript:alert(1))");

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"#\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void BasicFormattingAndSafeLinksAreKept()
    {
        var html = MessageFormatter.ToHtml("**bold** and *italic*, see https://example.com");

        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>italic</em>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PreviewFlattensLinesAndShortens()
    {
        var preview = MessageFormatter.Preview("first line\nsecond line " + new string('x', 300), 40);

        Assert.StartsWith("first line second line", preview, StringComparison.Ordinal);
        Assert.Equal(40, preview.Length);
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Write a message before sending.")]
    [InlineData("   \n ", "Write a message before sending.")]
    public void EmptyBodiesAreRefused(string body, string expected) => Assert.Equal(expected, MessageBodyRules.Validate(body));

    [Fact]
    public void BodiesOverTenThousandCharactersAreRefusedAndTenThousandIsAccepted()
    {
        Assert.Null(MessageBodyRules.Validate(new string('a', 10_000)));
        Assert.Contains("at most 10,000 characters", MessageBodyRules.Validate(new string('a', 10_001)), StringComparison.Ordinal);
    }
}
