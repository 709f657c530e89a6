using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Messages;

namespace Messaging.Tests.Projects;

/// <summary>
/// The home pages (the dashboard widget): a client sees unread threads, upcoming deadlines of their projects and what
/// awaits their decision; staff see client messages waiting for them, overdue items of their projects and new threads;
/// nobody sees another project's items; the widgets come back as a fragment for the live refresh.
/// </summary>
public sealed class HomeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Word() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(10).ToArray());

    private static IElement Widget(IParentNode page, string name) => page.QuerySelector($"[data-testid=home-widget][data-widget={name}]")!;

    private static string[] Items(IParentNode page, string name) =>
        Widget(page, name).QuerySelectorAll("[data-testid=home-item]").Select(i => i.TextContent).ToArray();

    private async Task<long> ProjectIdAsync(string name) => await factory.Database.ScalarAsync<long>($"SELECT id FROM projects WHERE name = '{name}'");

    private async Task AddItemAsync(string project, string title, DateOnly due, string state = "ToDo") =>
        await factory.Database.ExecuteAsync($"INSERT INTO project_deliverables (project_id, title, due_on, state, created_at) VALUES ({Id(await ProjectIdAsync(project))}, '{title}', '{due:yyyy-MM-dd}', '{state}', now())");

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task AClientsHomeShowsUnreadThreadsTheirDeadlinesAndWhatAwaitsTheirDecision()
    {
        var soon = $"Teaser cut {Word()}";
        var review = $"Poster draft {Word()}";
        var far = $"Far away {Word()}";
        var foreign = $"Launch deck {Word()}";
        await AddItemAsync("Spring Campaign", soon, Today.AddDays(3));
        await AddItemAsync("Spring Campaign", review, Today.AddDays(30), "InReview");
        await AddItemAsync("Spring Campaign", far, Today.AddDays(60));
        await AddItemAsync("Product Launch", foreign, Today.AddDays(1));
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        using var ada = await factory.SignInAsync(Demo.Admin);
        var marker = Word();
        Assert.Equal(HttpStatusCode.OK, (await MessageContent.SendAsync(ada, "/staff/messages", invoice, $"Your invoice {marker} is ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MessageContent.SendAsync(ada, "/staff/messages", invoice, $"Internal {marker}", note: true)).StatusCode);
        using var chloe = await factory.SignInAsync(Demo.Client);

        var page = await chloe.GetPageAsync("/portal/home");

        Assert.Equal(3, page.QuerySelectorAll("[data-testid=home-widget]").Length);
        Assert.Contains(Items(page, "unread"), t => t.Contains("Invoice question", StringComparison.Ordinal));
        Assert.Equal($"/portal/messages/{Id(invoice)}", Widget(page, "unread").QuerySelector($"[data-conversation-id='{Id(invoice)}'] a")!.GetAttribute("href"));
        Assert.DoesNotContain("Internal", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Items(page, "deadlines"), t => t.Contains(soon, StringComparison.Ordinal));
        Assert.DoesNotContain(Items(page, "deadlines"), t => t.Contains(far, StringComparison.Ordinal));
        Assert.DoesNotContain(foreign, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Items(page, "decisions"), t => t.Contains($"“{review}” is ready for your review", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("[data-testid=nav-home][href='/portal/home']"));

        // Read, it leaves the widget; the fragment the live refresh loads says so.
        await chloe.GetPageAsync($"/portal/messages/{Id(invoice)}");
        var fragment = await chloe.GetAsync("/portal/home?handler=Widgets", htmx: true);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var widgets = PortalClient.Parse(await fragment.Content.ReadAsStringAsync());
        Assert.NotNull(widgets.QuerySelector("#home-widgets[hx-trigger='sse:message']"));
        Assert.DoesNotContain(Items(widgets, "unread"), t => t.Contains("Invoice question", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherProjectsClientSeesNoneOfIt()
    {
        var soon = $"Moodboard v3 {Word()}";
        await AddItemAsync("Spring Campaign", soon, Today.AddDays(1));
        await AddItemAsync("Spring Campaign", $"Review me {Word()}", Today.AddDays(1), "InReview");
        using var other = await factory.SignInAsync(Demo.Client2);

        var page = await other.GetPageAsync("/portal/home");

        Assert.DoesNotContain("Spring Campaign", string.Join(' ', Items(page, "deadlines").Concat(Items(page, "decisions"))), StringComparison.Ordinal);
        Assert.DoesNotContain(soon, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaffHomeShowsWaitingClientMessagesOverdueItemsOfTheirProjectsAndNewThreads()
    {
        var overdue = $"Late storyboard {Word()}";
        var notMine = $"Not my project {Word()}";
        await AddItemAsync("Spring Campaign", overdue, Today.AddDays(-2));
        await AddItemAsync("Spring Campaign", $"Done late {Word()}", Today.AddDays(-2), "Done");
        await factory.Database.ExecuteAsync($"INSERT INTO projects (workspace_id, name, stage, auto_assign, created_at, brief, payment_state, thread_per_contact) SELECT workspace_id, '{notMine}', 'Active', false, now(), '', 'NotInvoiced', false FROM projects LIMIT 1");
        await AddItemAsync(notMine, $"Other overdue {Word()}", Today.AddDays(-1));
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        using var chloe = await factory.SignInAsync(Demo.Client);
        var question = $"Any news {Word()}?";
        Assert.Equal(HttpStatusCode.OK, (await MessageContent.SendAsync(chloe, "/portal/messages", kickoff, question)).StatusCode);
        await factory.Database.ExecuteAsync($"UPDATE conversations SET assigned_member_id = (SELECT id FROM members WHERE display_name = 'Sam Staff'), status = 'Open' WHERE id = {Id(kickoff)}");
        using var sam = await factory.SignInAsync(Demo.Staff);

        var page = await sam.GetPageAsync("/staff/home");

        Assert.Contains(Items(page, "waiting"), t => t.Contains("Spring campaign kickoff", StringComparison.Ordinal) && t.Contains("Chloe Client wrote last", StringComparison.Ordinal));
        Assert.Contains(Items(page, "overdue"), t => t.Contains(overdue, StringComparison.Ordinal) && t.Contains("overdue", StringComparison.Ordinal));
        Assert.DoesNotContain(Items(page, "overdue"), t => t.Contains("Done late", StringComparison.Ordinal) || t.Contains("Other overdue", StringComparison.Ordinal));
        Assert.NotNull(Widget(page, "new"));

        // Sam answers: the conversation is no longer waiting for him.
        Assert.Equal(HttpStatusCode.OK, (await MessageContent.SendAsync(sam, "/staff/messages", kickoff, "On it.")).StatusCode);
        var after = PortalClient.Parse(await (await sam.GetAsync("/staff/home?handler=Widgets", htmx: true)).Content.ReadAsStringAsync());
        Assert.DoesNotContain(Items(after, "waiting"), t => t.Contains("Spring campaign kickoff", StringComparison.Ordinal));

        using var started = await factory.SignInAsync(Demo.Client);
        var subject = $"Brand new {Word()}";
        await factory.Database.ExecuteAsync($"""
            INSERT INTO conversations (workspace_id, project_id, subject, category, created_by_member_id, created_at, last_activity_at, last_public_activity_at, status)
            SELECT workspace_id, id, '{subject}', 'Project', (SELECT id FROM members WHERE display_name = 'Chloe Client'), now(), now(), now(), 'Open' FROM projects WHERE name = 'Spring Campaign'
            """);
        var fresh = await sam.GetPageAsync("/staff/home");
        Assert.Contains(Items(fresh, "new"), t => t.Contains(subject, StringComparison.Ordinal) && t.Contains("Started by Chloe Client", StringComparison.Ordinal));
    }
}
