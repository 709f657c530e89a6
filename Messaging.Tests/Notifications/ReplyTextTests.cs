using Messaging.Core.Notifications;

namespace Messaging.Tests.Notifications;

/// <summary>What is kept of an email reply.</summary>
public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("Yes please.\n\nOn Tue, 4 Nov 2026, 09:12 Portal <notifications@portal.local> wrote:\n> Can you approve?", "Yes please.")]
    [InlineData("Fine by me\n-- \nChloe\nHead of buying", "Fine by me")]
    [InlineData("Great\r\n\r\nSent from my iPhone", "Great")]
    [InlineData("Top answer\n-----Original Message-----\nFrom: Portal", "Top answer")]
    [InlineData("Line one\n> quoted\nLine two", "Line one\nLine two")]
    [InlineData("Above\n## Reply above this line to answer in the portal ##\nold text", "Above")]
    public void QuotesAndSignaturesAreRemoved(string text, string expected) =>
        Assert.Equal(expected, ReplyText.Extract(text, null));

    [Fact]
    public void WithoutATextPartTheHtmlIsReducedToTextAndItsQuoteDropped() =>
        Assert.Equal("Thanks &lt;3\nSee you", ReplyText.Extract(null, "<div>Thanks &amp;lt;3</div><div>See you</div><blockquote>old</blockquote>"));

    [Theory]
    [InlineData("<html><head><style>p { color: red; }</style></head><body><p>Yes please.</p></body></html>", "Yes please.")]
    [InlineData("<html><head><title>Re: Order 12</title></head><body><div>Fine</div></body></html>", "Fine")]
    [InlineData("<body><style type=\"text/css\">.x > a { margin: 0 }</style><div>Fine by me</div><script>var a = 1 > 0;</script></body>", "Fine by me")]
    public void StylesScriptsAndTheHeadOfAnHtmlReplyAreNotText(string html, string expected) =>
        Assert.Equal(expected, ReplyText.Extract(null, html));

    [Fact]
    public void AQuoteInsideAQuoteIsDroppedWhole() =>
        Assert.Equal("Yes", ReplyText.Extract(null, "<div>Yes</div><blockquote>older<blockquote>oldest</blockquote>still old</blockquote>"));
}
