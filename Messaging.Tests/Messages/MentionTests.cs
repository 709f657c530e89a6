using System.Net;
using System.Text.Json;
using Messaging.Tests.Infrastructure;
using static Messaging.Tests.Messages.MessageContent;

namespace Messaging.Tests.Messages;

/// <summary>@mentions in group conversations: stored for the notifier, highlighted, marked in the list until read; never of outsiders.</summary>
public sealed class MentionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<long> MentionCountAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM message_mentions");

    [Fact]
    public async Task AMentionInAGroupIsStoredHighlightedAndMarkedOnTheListUntilRead()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await chloe.GetPageAsync($"/portal/messages/{Id(moodboard)}"); // read everything so far
        var text = $"@Chloe Client could you check the palette? {Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(sam, "/staff/messages", moodboard, text)).StatusCode);
        var id = await factory.Database.MessageIdAsync(text);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        Assert.Equal(chloeId, await factory.Database.ScalarAsync<long>($"SELECT member_id FROM message_mentions WHERE message_id = {Id(id)} AND notified_at IS NULL"));

        var list = await chloe.GetPageAsync("/portal/messages");
        var row = list.QuerySelector($"[data-testid=conversation-row][data-conversation-id='{Id(moodboard)}']");
        Assert.NotNull(row!.QuerySelector("[data-testid=mention-marker]"));

        var message = await MessageOnPageAsync(chloe, "/portal/messages", moodboard, id);
        var mention = message!.QuerySelector("[data-testid=mention]");
        Assert.Equal("@Chloe Client", mention!.TextContent);
        Assert.Contains("is-me", mention.ClassName, StringComparison.Ordinal);

        var afterReading = await chloe.GetPageAsync("/portal/messages");
        Assert.Null(afterReading.QuerySelector($"[data-testid=conversation-row][data-conversation-id='{Id(moodboard)}'] [data-testid=mention-marker]"));
    }

    [Fact]
    public async Task AMentionOfSomeoneWhoIsNotAParticipantIsRefusedAndNothingIsStored()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var messages = await factory.Database.MessageCountAsync(moodboard);
        var mentions = await MentionCountAsync();

        var response = await SendAsync(sam, "/staff/messages", moodboard, "@Carlos can you help here?");
        var form = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("@Carlos is not a participant of this conversation.", form.QuerySelector("[data-testid=reply-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("@Carlos can you help here?", form.QuerySelector("[data-testid=reply-body]")!.TextContent);
        Assert.Equal(messages, await factory.Database.MessageCountAsync(moodboard));
        Assert.Equal(mentions, await MentionCountAsync());
    }

    [Fact]
    public async Task AClientCannotBeMentionedInAnInternalNote()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var messages = await factory.Database.MessageCountAsync(moodboard);

        var response = await SendAsync(sam, "/staff/messages", moodboard, "@Chloe Client is slow to answer", note: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Chloe Client can't see internal notes, so they can't be mentioned in one.",
            PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=note-error]")!.TextContent);
        Assert.Equal(messages, await factory.Database.MessageCountAsync(moodboard));
    }

    [Fact]
    public async Task AFirstNameMentionsItsOnlyOwnerAndEmailAddressesAndCodeAreNotMentions()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var text = $"Thanks @sam! Mail me at chloe@example.com, or see `@Nobody` {Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", moodboard, text)).StatusCode);
        var id = await factory.Database.MessageIdAsync(text);

        Assert.Equal(await factory.Database.MemberIdAsync(Demo.Staff),
            await factory.Database.ScalarAsync<long>($"SELECT member_id FROM message_mentions WHERE message_id = {Id(id)}"));
        Assert.Equal(1L, await factory.Database.CountAsync("message_mentions", $"message_id = {Id(id)}"));
    }

    [Fact]
    public async Task InAConversationOfTwoAnAtSignIsPlainTextAndNoListIsOffered()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var text = $"@Carlos says hello {Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", invoice, text)).StatusCode);
        var direct = await chloe.GetPageAsync($"/portal/messages/{Id(invoice)}");
        var group = await chloe.GetPageAsync($"/portal/messages/{Id(moodboard)}");

        Assert.Equal(0L, await factory.Database.CountAsync("message_mentions", $"message_id = {Id(await factory.Database.MessageIdAsync(text))}"));
        Assert.Null(direct.QuerySelector("#mention-candidates"));
        var names = JsonDocument.Parse(group.QuerySelector("#mention-candidates")!.GetAttribute("data-candidates")!)
            .RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Sam Staff", "Ada Admin"], names.Order(StringComparer.Ordinal).Reverse().ToList());
    }
}
