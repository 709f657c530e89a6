using Messaging.Core.Live;

namespace Messaging.Tests.Live;

public sealed class LiveCursorTests
{
    [Theory]
    [InlineData("2956", 2956, new long[0])]
    [InlineData("2956-2950-2954", 2956, new long[] { 2950, 2954 })]
    [InlineData("2956-2954-2954-3000", 2956, new long[] { 2954 })]
    public void ParsesAPlainIdOrAHighWithPendingIds(string text, long high, long[] pending)
    {
        Assert.True(LiveCursor.TryParse(text, out var cursor));
        Assert.Equal(high, cursor.High);
        Assert.Equal(pending, cursor.Pending);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("12-")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void RefusesAnythingElse(string text) => Assert.False(LiveCursor.TryParse(text, out _));

    [Fact]
    public void FormatsAsItParses() => Assert.Equal("2956-2950-2954", new LiveCursor(2956, [2954, 2950]).Format());

    [Fact]
    public void ResumingKeepsThePendingIdsNotCoveredAndTakesTheNodesPendingOnes()
    {
        var browser = new LiveCursor(100, [90, 95]);
        var node = new LiveCursor(120, [95, 110]);

        // The node has seen 90 (replayed or passed on), not 95 or 110.
        Assert.Equal("120-95-110", browser.Resume(node, 120).Format());
        // Replay has got as far as 92: the browser still lacks 95, and the node's 110 is above the browser's high.
        Assert.Equal("100-95", browser.Resume(node, 92).Format());
    }

    [Fact]
    public void KeepsOnlyTheNewestPendingIds()
    {
        var cursor = new LiveCursor(1000, Enumerable.Range(1, 200).Select(i => (long)i));
        Assert.Equal(LiveCursor.MaxPending, cursor.Pending.Count);
        Assert.Equal(200, cursor.Pending[^1]);
    }
}
