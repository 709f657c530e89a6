using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Projects;

/// <summary>
/// The project panel in a thread: staff who may edit set the brief, dates, checklist, milestones and payment, each
/// change posting a system message and an audit entry; clients read it; bad input is refused with a message and
/// nothing is stored; those who may not see the thread get 404, those who may read but not edit 403.
/// </summary>
public sealed class ProjectPanelTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Kickoff = "Spring campaign kickoff";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Word() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(10).ToArray());

    private static async Task<HttpResponseMessage> PostAsync(PortalClient member, long conversation, string handler, Dictionary<string, string> form, bool htmx = false)
    {
        var thread = $"/staff/messages/{Id(conversation)}";
        return await member.PostFormAsync(thread, $"/staff/project-panel/{Id(conversation)}?handler={handler}", form, htmx);
    }

    private Task<long> CountAsync(string table, string where) => factory.Database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {where}");

    private Task<long> ItemIdAsync(string title) => factory.Database.ScalarAsync<long>($"SELECT id FROM project_deliverables WHERE title = '{title}'");

    [Fact]
    public async Task StaffEditThePanelEachChangeIsAnnouncedAndAuditedAndTheClientReadsIt()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var sam = await factory.SignInAsync(Demo.Staff);
        using var _ = sam;
        var samId = await factory.Database.MemberIdAsync(Demo.Staff);
        var item = $"Hero video {Word()}";
        var milestone = $"Shoot wrapped {Word()}";
        var systemBefore = await CountAsync("messages", $"conversation_id = {Id(kickoff)} AND kind = 'System'");
        var auditBefore = await CountAsync("audit_entries", "action = 'project.change'");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(sam, kickoff, "Details", new() { ["brief"] = "Spring looks for the web shop.", ["startsOn"] = "2026-03-01", ["dueOn"] = "2026-05-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(sam, kickoff, "AddItem", new() { ["title"] = item, ["dueOn"] = "2020-01-15", ["ownerMemberId"] = Id(samId) })).StatusCode);
        var itemId = await ItemIdAsync(item);
        var moved = await PostAsync(sam, kickoff, "Item", new() { ["deliverableId"] = Id(itemId), ["state"] = "InReview" }, htmx: true);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("in-review", PortalClient.Parse(await moved.Content.ReadAsStringAsync())
            .QuerySelector($"[data-testid=checklist-item][data-item-id='{Id(itemId)}']")?.GetAttribute("data-state"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(sam, kickoff, "AddMilestone", new() { ["title"] = milestone, ["dueOn"] = "2026-04-30" })).StatusCode);
        var milestoneId = await factory.Database.ScalarAsync<long>($"SELECT id FROM project_milestones WHERE title = '{milestone}'");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(sam, kickoff, "Milestone", new() { ["milestoneId"] = Id(milestoneId), ["progress"] = "100" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(sam, kickoff, "Payment", new() { ["state"] = "Paid" })).StatusCode);

        Assert.Equal(systemBefore + 6, await CountAsync("messages", $"conversation_id = {Id(kickoff)} AND kind = 'System'"));
        Assert.Equal(auditBefore + 6, await CountAsync("audit_entries", "action = 'project.change'"));

        using var chloe = await factory.SignInAsync(Demo.Client);
        var page = await chloe.GetPageAsync($"/portal/messages/{Id(kickoff)}");
        var panel = page.QuerySelector("[data-testid=project-panel]")!;
        Assert.NotNull(panel);
        Assert.Contains("Spring looks for the web shop.", panel.QuerySelector("[data-testid=project-brief]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-05-31", panel.QuerySelector("[data-testid=project-due]")!.TextContent.Trim());
        Assert.Equal("paid", panel.QuerySelector("[data-testid=project-payment]")!.GetAttribute("data-state"));
        var shownItem = panel.QuerySelector($"[data-testid=checklist-item][data-item-id='{Id(itemId)}']")!;
        Assert.Equal("in-review", shownItem.GetAttribute("data-state"));
        Assert.Equal("true", shownItem.GetAttribute("data-overdue"));
        Assert.Contains("Sam Staff", shownItem.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", panel.QuerySelector($"[data-testid=milestone][data-milestone-id='{Id(milestoneId)}']")!.GetAttribute("data-reached"));
        Assert.Null(panel.QuerySelector("form"));
        Assert.Contains(page.QuerySelectorAll("[data-testid=system-message]"), m => m.TextContent.Contains($"Milestone reached: “{milestone}”", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("[data-testid=system-message]"), m => m.TextContent.Contains($"“{item}” is now in review", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1999-12-31", "2026-01-01", "between 2000-01-01 and 2100-12-31")]
    [InlineData("2026-02-30", "", "YYYY-MM-DD")]
    [InlineData("2026-06-01", "2026-05-01", "is before the start date")]
    public async Task DatesOutOfRangeOrInTheWrongOrderAreRefusedAndNothingIsStored(string startsOn, string dueOn, string reason)
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        using var sam = await factory.SignInAsync(Demo.Staff);
        var brief = $"Never stored {Word()}";
        var system = await CountAsync("messages", $"conversation_id = {Id(kickoff)} AND kind = 'System'");

        var response = await PostAsync(sam, kickoff, "Details", new() { ["brief"] = brief, ["startsOn"] = startsOn, ["dueOn"] = dueOn }, htmx: true);
        var error = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=project-panel-error]");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, error?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync("projects", $"brief = '{brief}'"));
        Assert.Equal(system, await CountAsync("messages", $"conversation_id = {Id(kickoff)} AND kind = 'System'"));
    }

    [Fact]
    public async Task AnItemOfAnotherProjectIsRefusedWithAMessageAndNotChanged()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var timeline = await factory.Database.ConversationIdAsync("Launch timeline");
        using var sam = await factory.SignInAsync(Demo.Staff);
        var title = $"Launch teaser {Word()}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(sam, timeline, "AddItem", new() { ["title"] = title })).StatusCode);
        var foreign = await ItemIdAsync(title);

        var response = await PostAsync(sam, kickoff, "Item", new() { ["deliverableId"] = Id(foreign), ["state"] = "Done" }, htmx: true);
        var error = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=project-panel-error]");
        var milestone = await PostAsync(sam, kickoff, "Milestone", new() { ["milestoneId"] = "99999999", ["progress"] = "10" }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not on this project", error?.TextContent, StringComparison.Ordinal);
        Assert.Equal("ToDo", await factory.Database.ScalarAsync<string>($"SELECT state FROM project_deliverables WHERE id = {Id(foreign)}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, milestone.StatusCode);
    }

    [Fact]
    public async Task ClientsOfAnotherProjectGet404AndAViewerReadsButIsRefused()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        using var vic = await factory.SignInAsync(Demo.Viewer);
        var title = $"Sneaky {Word()}";

        Assert.Equal(HttpStatusCode.NotFound, (await carlos.GetAsync($"/portal/messages/{Id(kickoff)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carlos.GetAsync($"/staff/project-panel/{Id(kickoff)}?handler=Panel", htmx: true)).StatusCode);
        var crafted = await carlos.PostFormAsync("/portal/messages", $"/staff/project-panel/{Id(kickoff)}?handler=AddItem", new() { ["title"] = title });
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);

        var staffPage = await vic.GetPageAsync($"/staff/messages/{Id(kickoff)}");
        Assert.NotNull(staffPage.QuerySelector("[data-testid=project-panel]"));
        Assert.Null(staffPage.QuerySelector("[data-testid=checklist-add-form]"));
        var refused = await PostAsync(vic, kickoff, "AddItem", new() { ["title"] = title }, htmx: true);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0L, await CountAsync("project_deliverables", $"title = '{title}'"));
    }

    [Fact]
    public async Task TheDemoSeedShowsProjectsInEveryStageWithContactsInEveryStateAndAPanelWithOverdueAndDoneItems()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");

        var panel = (await chloe.GetPageAsync($"/portal/messages/{Id(moodboard)}")).QuerySelector("[data-testid=project-panel]")!;
        var items = panel.QuerySelectorAll("[data-testid=checklist-item]");
        var projects = await carlos.GetPageAsync("/portal/projects");

        Assert.Contains(items, i => i.GetAttribute("data-overdue") == "true" && i.TextContent.Contains("Outfit list", StringComparison.Ordinal));
        Assert.Contains(items, i => i.GetAttribute("data-state") == "done");
        Assert.Contains(items, i => i.GetAttribute("data-state") == "in-review");
        Assert.Contains(panel.QuerySelectorAll("[data-testid=milestone]"), m => m.GetAttribute("data-reached") == "true");
        Assert.Equal(["Active", "Closed", "Lead", "OnHold"], (await factory.Database.ScalarAsync<string>("SELECT string_agg(DISTINCT stage, ',' ORDER BY stage) FROM projects")).Split(','));
        Assert.Equal(["Accepted", "Invited", "Removed"], (await factory.Database.ScalarAsync<string>("SELECT string_agg(DISTINCT state, ',' ORDER BY state) FROM project_members")).Split(','));
        Assert.Contains(projects.QuerySelectorAll("[data-testid=project-contact]"), p => p.GetAttribute("data-state") == "invited" && p.TextContent.Contains("Summer Pop-up", StringComparison.Ordinal));
        Assert.DoesNotContain(projects.QuerySelectorAll("[data-testid=project-contact]"), p => p.TextContent.Contains("Holiday Lookbook", StringComparison.Ordinal));
    }
}
