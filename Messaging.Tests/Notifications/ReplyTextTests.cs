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
}
