using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;

namespace Messaging.Tests.Inbox;

/// <summary>
/// Internal notes on the paths this feature owns (issue 9): the thread page, the live "newer" fragment,
/// the event stream and its replay, and the inbox's own lines and events. Each path is checked for the
/// client, with staff seeing the note on the same path so the test can fail. (Search, export and email
/// paths are covered with those features.)
/// </summary>
public sealed class InternalNoteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ANoteIsTintedAndLabelledForStaffAndAbsentFromTheClientsPage()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await sam.ReplyAsync("staff", id, "Note: palette v2 is in the drive", handler: "Note");

        var staffPage = await sam.GetPageAsync($"/staff/messages/{id}");
        var note = staffPage.QuerySelectorAll("[data-testid=message]").Single(m => m.TextContent.Contains("palette v2", StringComparison.Ordinal));
        Assert.Contains("is-note", note.ClassName, StringComparison.Ordinal);
        Assert.Equal("Internal note", note.QuerySelector(".tag-note")!.TextContent);
        var clientPage = await chloe.GetPageAsync($"/portal/messages/{id}");
        Assert.DoesNotContain("palette v2", clientPage.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(clientPage.QuerySelector(".is-note"));
    }

    [Fact]
    public async Task ANoteIsAbsentFromTheClientsNewerFragment()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var before = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {id}");
        await sam.ReplyAsync("staff", id, "Fragment note: discount agreed internally", handler: "Note");

        var staffFragment = await (await sam.GetAsync($"/staff/messages/{id}?handler=Newer&after={before}", htmx: true)).Content.ReadAsStringAsync();
        var clientFragment = await chloe.GetAsync($"/portal/messages/{id}?handler=Newer&after={before}", htmx: true);

        Assert.Contains("Fragment note", staffFragment, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, clientFragment.StatusCode);
        Assert.DoesNotContain("Fragment note", await clientFragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotesAndInboxChangesSendTheClientNoEventLiveOrOnReplay()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Catalogue wrap-up");
        var lastSeen = await factory.Database.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM live_events");
        await using var clientStream = await SseReader.OpenAsync(chloe.Http, "/events");
        await using var staffStream = await SseReader.OpenAsync(sam.Http, "/events");
        Assert.NotNull(await clientStream.WaitForAsync(e => e.Type == "ready", Wait));
        Assert.NotNull(await staffStream.WaitForAsync(e => e.Type == "ready", Wait));

        await sam.ReplyAsync("staff", id, "Event note", handler: "Note");
        await sam.AssignAsync(id, await factory.Database.MemberIdAsync(Demo.Staff));
        await sam.SetStatusAsync(id, "Closed");

        Assert.NotNull(await staffStream.WaitForAsync(e => e.Type == "message" && e.Data.Contains("inbox-changed", StringComparison.Ordinal), Wait));
        Assert.Null(await clientStream.WaitForAsync(e => e.Type == "message" || e.Type.StartsWith("conversation-", StringComparison.Ordinal), TimeSpan.FromSeconds(2)));

        await using var replay = await SseReader.OpenAsync(chloe.Http, "/events", lastEventId: lastSeen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var first = await replay.NextAsync(Wait);
        Assert.Equal("ready", first?.Type); // nothing was replayed before the stream said it is ready
        await using var staffReplay = await SseReader.OpenAsync(sam.Http, "/events", lastEventId: lastSeen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("message", (await staffReplay.NextAsync(Wait))?.Type);
    }
}
