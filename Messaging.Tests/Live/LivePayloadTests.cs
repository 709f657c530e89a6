using Messaging.Core.Live;

namespace Messaging.Tests.Live;

/// <summary>The live-event channel's payloads: every kind written and read back, the texts other writers send, and text that is none of them.</summary>
public sealed class LivePayloadTests
{
    public static TheoryData<LivePayload, string> EveryKind() => new()
    {
        { new LivePayload.EventsCommitted([42]), "42" },
        { new LivePayload.EventsCommitted([7, 8, 9]), "7,8,9" },
        { new LivePayload.AccessRevoked(5), "revoke:5" },
        { new LivePayload.Typing(12, 3, StaffOnly: false), "typing:12:3:0" },
        { new LivePayload.Typing(12, 3, StaffOnly: true), "typing:12:3:1" },
        { new LivePayload.ReadMoved(12, 345), "read:12:345" },
        { new LivePayload.ReadMoved(12, 0), "read:12:0" },
        { new LivePayload.Working(12, 3, Replying: false), "working:12:3:v" },
        { new LivePayload.Working(12, 3, Replying: true), "working:12:3:r" },
        { new LivePayload.PresenceChanged("0a1b2c", 1, 3, Online: true), "presence:0a1b2c:1:3:1" },
        { new LivePayload.PresenceChanged("0a1b2c", 1, 3, Online: false), "presence:0a1b2c:1:3:0" },
        { new LivePayload.PresenceSync("0a1b2c", 1, [3, 4, 50]), "presence-sync:0a1b2c:1:3,4,50" },
        { new LivePayload.PresenceSync("0a1b2c", 1, []), "presence-sync:0a1b2c:1:" },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void EveryKindIsWrittenAsItsTextAndReadBackAsItself(LivePayload payload, string text)
    {
        Assert.Equal(text, payload.Format());

        Assert.True(LivePayload.TryParse(text, out var parsed));

        Assert.Equal(payload.GetType(), parsed.GetType());
        Assert.Equal(text, parsed.Format());
        Assert.Equal(Fields(payload), Fields(parsed));
    }

    [Fact]
    public void TheReadTriggersTextIsAReadPointerThatMoved()
    {
        // Migration 0008 writes 'read:' || conversation_id || ':' || last_read_message_id.
        Assert.True(LivePayload.TryParse("read:17:1234567890123", out var parsed));

        Assert.Equal(new LivePayload.ReadMoved(17, 1234567890123), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData("1,,2")]
    [InlineData("1,")]
    [InlineData(" 1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    [InlineData("hello")]
    [InlineData("unknown:1:2")]
    [InlineData("REVOKE:1")]
    [InlineData("revoke:")]
    [InlineData("revoke:x")]
    [InlineData("revoke:1:2")]
    [InlineData("typing:")]
    [InlineData("typing:1:2")]
    [InlineData("typing:1:2:2")]
    [InlineData("typing:1:2:true")]
    [InlineData("typing:a:2:1")]
    [InlineData("typing:1:2:1:0")]
    [InlineData("read:1")]
    [InlineData("read:1:")]
    [InlineData("read::2")]
    [InlineData("read:1:2:3")]
    [InlineData("working:1:2:x")]
    [InlineData("working:1:2")]
    [InlineData("working:1::v")]
    [InlineData("presence:node:1:2")]
    [InlineData("presence::1:2:1")]
    [InlineData("presence:node:x:2:1")]
    [InlineData("presence:node:1:2:yes")]
    [InlineData("presence-sync:node:1")]
    [InlineData("presence-sync::1:2")]
    [InlineData("presence-sync:node:x:2")]
    [InlineData("presence-sync:node:1:2,,3")]
    [InlineData("presence-sync:node:1:2:3")]
    public void TextThatIsNoneOfTheKindsIsNotAPayload(string text)
    {
        Assert.False(LivePayload.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void NoTextIsNotAPayload() => Assert.False(LivePayload.TryParse(null, out _));

    [Fact]
    public void AShortOnlineListIsOnePayload()
    {
        var parts = LivePayload.PresenceSync.Split("node", 1, [1, 2, 3]).ToList();

        Assert.Equal("presence-sync:node:1:1,2,3", Assert.Single(parts).Format());
    }

    [Fact]
    public void ALongOnlineListIsSplitIntoPayloadsThatFitAndTogetherHoldEveryMember()
    {
        var node = Guid.NewGuid().ToString("N");
        var members = Enumerable.Range(1, 3000).Select(i => 1_000_000_000L + i).ToList();

        var parts = LivePayload.PresenceSync.Split(node, 1, members).ToList();

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Format().Length <= LivePayload.MaxLength, $"{p.Format().Length} characters"));
        Assert.All(parts, p => Assert.Equal(new LivePayload.PresenceSync(node, 1, []).Format().Length + (11 * p.MemberIds.Count) - 1, p.Format().Length));
        Assert.Equal(members, parts.SelectMany(p => p.MemberIds));
        Assert.All(parts, p => Assert.True(LivePayload.TryParse(p.Format(), out var parsed) && ((LivePayload.PresenceSync)parsed).MemberIds.SequenceEqual(p.MemberIds)));
    }

    [Fact]
    public void ANodeWithNobodyOnlineInAWorkspaceSendsOneEmptyList()
    {
        var part = Assert.Single(LivePayload.PresenceSync.Split("node", 1, []));

        Assert.Empty(part.MemberIds);
    }

    [Theory]
    [InlineData(23, 4)]
    [InlineData(28, 4)]
    [InlineData(29, 2)]
    [InlineData(34, 2)]
    [InlineData(35, 2)]
    [InlineData(40, 2)]
    [InlineData(41, 1)]
    public void ASplitAtTheEdgeStaysWithinTheLimit(int maxLength, int expectedParts)
    {
        // "presence-sync:n:1:" is 18 characters; each id here is 5, with a comma between two.
        var parts = LivePayload.PresenceSync.Split("n", 1, [10001, 10002, 10003, 10004], maxLength).ToList();

        Assert.All(parts, p => Assert.True(p.Format().Length <= maxLength, p.Format()));
        Assert.Equal([10001L, 10002, 10003, 10004], parts.SelectMany(p => p.MemberIds));
        Assert.Equal(expectedParts, parts.Count);
    }

    /// <summary>A payload's values, with lists as their items (records compare lists by reference).</summary>
    private static string Fields(LivePayload payload) => payload switch
    {
        LivePayload.EventsCommitted e => string.Join(',', e.EventIds),
        LivePayload.PresenceSync s => $"{s.NodeId}|{s.WorkspaceId}|{string.Join(',', s.MemberIds)}",
        _ => payload.ToString(),
    };
}
