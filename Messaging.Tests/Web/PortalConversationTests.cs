using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Web;

/// <summary>The client portal: list, thread, read state and the isolation between clients.</summary>
public sealed class PortalConversationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ClientSeesTheirConversationsNewestFirstWithPreviewAndUnreadIndicator()
    {
        // client2's threads are only read, never opened, in this class: their unread state stays as seeded.
        using var client2 = await factory.SignInAsync(Demo.Client2);

        var page = await client2.GetPageAsync("/portal/messages");
        var rows = page.QuerySelectorAll("[data-testid=conversation-row]");
        var subjects = rows.Select(r => r.QuerySelector(".conv-subject")!.TextContent).ToList();

        Assert.Equal(["Shipping samples", "Launch timeline"], subjects);
        var timeline = rows[1];
        Assert.Equal("1", timeline.QuerySelector("[data-testid=conversation-unread]")?.TextContent);
        Assert.Null(rows[0].QuerySelector("[data-testid=conversation-unread]"));
        Assert.Contains("Sam Staff", timeline.QuerySelector(".conv-people")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("teaser moves to the 3rd", timeline.QuerySelector(".conv-preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("[data-testid=unread-badge]")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnotherClientsThreadIsNotFoundAndNeverListed()
    {
        using var client2 = await factory.SignInAsync(Demo.Client2);
        var foreign = await factory.Database.ConversationIdAsync("Spring campaign kickoff");

        var list = await client2.GetPageAsync("/portal/messages");
        Assert.DoesNotContain(list.QuerySelectorAll("[data-testid=conversation-row]"),
            r => r.GetAttribute("data-conversation-id") == foreign.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.NotFound, (await client2.GetAsync($"/portal/messages/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client2.GetAsync($"/portal/messages/{foreign}?handler=Newer&after=0", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client2.GetAsync($"/portal/messages/{foreign}?handler=Earlier&before=999999", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client2.GetAsync($"/events?conversationId={foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client2.GetAsync("/portal/messages/987654321")).StatusCode);
    }

    [Fact]
    public async Task AReplyPostedToAnotherClientsThreadIsNotFoundAndStoresNothing()
    {
        using var client2 = await factory.SignInAsync(Demo.Client2);
        var foreign = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var before = await factory.Database.MessageCountAsync(foreign);

        var response = await client2.PostFormAsync("/portal/messages", $"/portal/messages/{foreign}?handler=Reply",
            new() { ["Input.Body"] = "sneaky", ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await factory.Database.MessageCountAsync(foreign));
    }

    [Fact]
    public async Task OpeningAThreadShowsHistoryWithNamesAndMarksItRead()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");

        var thread = await client.GetPageAsync($"/portal/messages/{id}");
        var messages = thread.QuerySelectorAll("[data-testid=message]");

        Assert.Equal(30, messages.Length);
        Assert.Contains("wardrobe", messages[^1].QuerySelector("[data-testid=message-body]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sam Staff", messages[^1].QuerySelector(".msg-author")!.TextContent);
        Assert.NotNull(messages[^1].QuerySelector("time[datetime]"));
        Assert.NotNull(thread.QuerySelector("[data-testid=reply-form]"));

        var list = await client.GetPageAsync("/portal/messages");
        var row = list.QuerySelector($"[data-conversation-id='{id}']")!;
        Assert.Null(row.QuerySelector("[data-testid=conversation-unread]"));
        Assert.Equal("0", list.QuerySelector("[data-testid=unread-badge]")!.GetAttribute("data-count"));
    }

    [Fact]
    public async Task LoadEarlierBringsTheOlderPageOfALongThread()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var thread = await client.GetPageAsync($"/portal/messages/{id}");
        var earlierLink = thread.QuerySelector("[data-testid=load-earlier]")!;
        var firstShown = long.Parse(thread.QuerySelector("[data-testid=message]")!.GetAttribute("data-message-id")!, System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.GetAsync(earlierLink.GetAttribute("hx-get")!, htmx: true);
        var html = await response.Content.ReadAsStringAsync();
        var fragment = PortalClient.Parse(html);
        var older = fragment.QuerySelectorAll("[data-testid=message]").Select(m => long.Parse(m.GetAttribute("data-message-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, older.Count); // 38 public messages: 30 on the page, 8 earlier (the internal note is not among them)
        Assert.All(older, o => Assert.True(o < firstShown));
        Assert.Null(fragment.QuerySelector("[data-testid=load-earlier]"));
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InternalNotesNeverReachTheClientThroughPageOrFragment()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");

        var page = await (await client.GetAsync($"/portal/messages/{id}")).Content.ReadAsStringAsync();
        var newer = await (await client.GetAsync($"/portal/messages/{id}?handler=Newer&after=0", htmx: true)).Content.ReadAsStringAsync();
        var list = await (await client.GetAsync("/portal/messages")).Content.ReadAsStringAsync();

        foreach (var html in new[] { page, newer, list })
        {
            Assert.DoesNotContain("budget is tight", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Internal note", html, StringComparison.Ordinal);
        }

        using var staff = await factory.SignInAsync(Demo.Staff);
        var staffPage = await (await staff.GetAsync($"/staff/messages/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("budget is tight", staffPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFragmentAnswersWithJustTheListAndVariesOnHtmx()
    {
        using var client = await factory.SignInAsync(Demo.Client);

        var response = await client.GetAsync("/portal/messages?p=1", htmx: true, target: "conversation-list");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, PortalClient.Parse(html).QuerySelectorAll("[data-testid=conversation-row]").Length);
    }

    [Fact]
    public async Task ClientStaysOutOfTheStaffAndAdminAreas()
    {
        using var client = await factory.SignInAsync(Demo.Client);

        // Pages a member's kind does not allow answer 404, like a foreign id: nothing confirms they exist.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/messages")).StatusCode);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/messages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/settings")).StatusCode);
    }
}

public sealed class UnknownHandlerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnUnknownHandlerFallsBackToThePageOnGetAndAnswers404OnPost()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");

        var get = await client.GetAsync($"/portal/messages/{id}?handler=Nope");
        var post = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Nope", []);

        Assert.Equal(System.Net.HttpStatusCode.OK, get.StatusCode); // Razor Pages falls back to OnGet
        Assert.Equal(System.Net.HttpStatusCode.NotFound, post.StatusCode); // no POST handler: never a 500
    }
}
