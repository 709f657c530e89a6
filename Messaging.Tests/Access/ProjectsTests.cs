using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Access;

/// <summary>Projects for Managers and Admins: creating, people, and what the stage lets clients do.</summary>
public sealed class ProjectsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Reply(string body) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    private Task<long> ProjectIdAsync(string name) =>
        factory.Database.ScalarAsync<long>($"SELECT id FROM projects WHERE name = '{name}'");

    private static async Task SetStageAsync(PortalClient manager, long project, string stage)
    {
        var response = await manager.PostFormAsync($"/staff/projects/{project}", $"/staff/projects/{project}?handler=Stage", new() { ["stage"] = stage });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task ResetStageAsync(long project) =>
        factory.Database.ExecuteAsync($"UPDATE projects SET stage = 'Active' WHERE id = {project}");

    [Fact]
    public async Task AManagerSeesTheProjectList()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);

        var page = await manager.GetPageAsync("/staff/projects");
        var rows = page.QuerySelectorAll("[data-testid=project-row]");

        Assert.Contains(rows, r => r.TextContent.Contains("Spring Campaign", StringComparison.Ordinal) && r.TextContent.Contains("Chloe Client", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Product Launch", StringComparison.Ordinal) && r.TextContent.Contains("Carlos Client", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains("Autumn Catalogue", StringComparison.Ordinal) && r.QuerySelector(".stage")!.TextContent == "Closed");
        Assert.NotNull(page.QuerySelector("nav [data-testid=nav-projects]"));
    }

    [Fact]
    public async Task AManagerCreatesAProjectAndManagesItsPeople()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var carlos = await factory.Database.MemberIdAsync(Demo.Client2);
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);
        var sol = await factory.Database.MemberIdAsync(Demo.Subcontractor);

        var created = await manager.PostFormAsync("/staff/projects", "/staff/projects?handler=Create", new() { ["Name"] = "Winter Lookbook", ["Stage"] = "Lead" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await ProjectIdAsync("Winter Lookbook");
        Assert.Equal($"/staff/projects/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Lead", await factory.Database.ScalarAsync<string>($"SELECT stage FROM projects WHERE id = {id}"));
        var detail = await manager.GetPageAsync($"/staff/projects/{id}");
        Assert.Equal("Winter Lookbook", detail.QuerySelector("h1")?.TextContent);
        Assert.Empty(detail.QuerySelectorAll("[data-testid=project-person]"));
        Assert.DoesNotContain(detail.QuerySelectorAll("[data-testid=project-add-member] option"), o => o.GetAttribute("value") == $"{sol}");

        var path = $"/staff/projects/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(path, $"{path}?handler=Add", new() { ["memberId"] = $"{carlos}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(path, $"{path}?handler=Add", new() { ["memberId"] = $"{vic}" })).StatusCode);
        detail = await manager.GetPageAsync(path);
        var people = detail.QuerySelectorAll("[data-testid=project-person]");
        Assert.Contains(people, p => p.GetAttribute("data-member-id") == $"{carlos}" && p.TextContent.Contains("Carlos Client", StringComparison.Ordinal));
        Assert.Contains(people, p => p.GetAttribute("data-member-id") == $"{vic}" && p.TextContent.Contains("Vic Viewer", StringComparison.Ordinal));
        Assert.Equal("Contact", await factory.Database.ScalarAsync<string>($"SELECT relation FROM project_members WHERE project_id = {id} AND member_id = {carlos}"));
        Assert.Equal("Team", await factory.Database.ScalarAsync<string>($"SELECT relation FROM project_members WHERE project_id = {id} AND member_id = {vic}"));

        // A subcontractor is never a project contact.
        var sub = await manager.PostFormAsync(path, $"{path}?handler=Add", new() { ["memberId"] = $"{sol}" });
        var refusal = PortalClient.Parse(await sub.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sub.StatusCode);
        Assert.Contains("subcontractors", refusal.QuerySelector("[data-testid=project-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM project_members WHERE project_id = {id} AND member_id = {sol}"));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(path, $"{path}?handler=Remove", new() { ["memberId"] = $"{vic}" })).StatusCode);
        detail = await manager.GetPageAsync(path);
        Assert.DoesNotContain(detail.QuerySelectorAll("[data-testid=project-person]"), p => p.GetAttribute("data-member-id") == $"{vic}");
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM project_members WHERE project_id = {id} AND member_id = {vic}"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM project_members WHERE project_id = {id}"));

        var listed = await manager.GetPageAsync("/staff/projects");
        Assert.Contains(listed.QuerySelectorAll("[data-testid=project-row]"), r => r.GetAttribute("data-project-id") == $"{id}");
    }

    [Fact]
    public async Task AProjectWithoutANameIsRefusedWithAMessage()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM projects");

        var response = await manager.PostFormAsync("/staff/projects", "/staff/projects?handler=Create", new() { ["Name"] = "   ", ["Stage"] = "Active" });
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Give the project a name", page.QuerySelector("[data-testid=project-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM projects"));
    }

    [Theory]
    [InlineData(Demo.Staff, "/staff/messages")]
    [InlineData(Demo.Viewer, "/staff/messages")]
    [InlineData(Demo.Client, "/portal/messages")]
    public async Task ProjectsAreNotFoundForCoordinatorsViewersAndClients(string email, string home)
    {
        using var member = await factory.SignInAsync(email);
        var spring = await ProjectIdAsync("Spring Campaign");

        await member.GetPageAsync("/staff/projects", HttpStatusCode.NotFound);
        await member.GetPageAsync($"/staff/projects/{spring}", HttpStatusCode.NotFound);
        var stage = await member.PostFormAsync(home, $"/staff/projects/{spring}?handler=Stage", new() { ["stage"] = "Closed" });
        var create = await member.PostFormAsync(home, "/staff/projects?handler=Create", new() { ["Name"] = "Sneaky project", ["Stage"] = "Active" });

        Assert.Equal(HttpStatusCode.NotFound, stage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal("Active", await factory.Database.ScalarAsync<string>($"SELECT stage FROM projects WHERE id = {spring}"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM projects WHERE name = 'Sneaky project'"));
        Assert.Null((await member.GetPageAsync(home)).QuerySelector("[data-testid=nav-projects]"));
    }

    [Fact]
    public async Task AClosedProjectsThreadsAreReadOnlyForClientsButNotForStaff()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);
        var spring = await ProjectIdAsync("Spring Campaign");
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        try
        {
            await SetStageAsync(manager, spring, "Closed");
            Assert.Equal("Closed", await factory.Database.ScalarAsync<string>($"SELECT stage FROM projects WHERE id = {spring}"));

            var thread = await chloe.GetPageAsync($"/portal/messages/{kickoff}");
            Assert.Null(thread.QuerySelector("[data-testid=reply-form]"));
            Assert.Contains("closed", thread.QuerySelector("[data-testid=read-only-notice]")?.TextContent, StringComparison.Ordinal);

            var before = await factory.Database.MessageCountAsync(kickoff);
            var crafted = await chloe.PostFormAsync($"/portal/messages/{kickoff}", $"/portal/messages/{kickoff}?handler=Reply", Reply("reply to a closed project"));
            var refusal = PortalClient.Parse(await crafted.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
            Assert.Contains("closed", refusal.QuerySelector("[data-testid=read-only-notice]")?.TextContent, StringComparison.Ordinal);
            var craftedHtmx = await chloe.PostFormAsync($"/portal/messages/{kickoff}", $"/portal/messages/{kickoff}?handler=Reply", Reply("reply to a closed project"), htmx: true);
            Assert.Equal(HttpStatusCode.Forbidden, craftedHtmx.StatusCode);
            Assert.Contains("closed", PortalClient.Parse(await craftedHtmx.Content.ReadAsStringAsync()).QuerySelector("[data-testid=reply-error]")?.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, await factory.Database.MessageCountAsync(kickoff));
            Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE body = 'reply to a closed project'"));

            var staffThread = await sam.GetPageAsync($"/staff/messages/{kickoff}");
            Assert.NotNull(staffThread.QuerySelector("[data-testid=reply-form]"));
            var staffReply = await sam.PostFormAsync($"/staff/messages/{kickoff}", $"/staff/messages/{kickoff}?handler=Reply", Reply("Staff can still write after closing."));
            Assert.Equal(HttpStatusCode.Redirect, staffReply.StatusCode);
            Assert.Equal(before + 1, await factory.Database.MessageCountAsync(kickoff));

            await SetStageAsync(manager, spring, "Active");
            Assert.NotNull((await chloe.GetPageAsync($"/portal/messages/{kickoff}")).QuerySelector("[data-testid=reply-form]"));
        }
        finally
        {
            await ResetStageAsync(spring);
        }
    }

    [Fact]
    public async Task OnHoldClientsReplyButCannotStartANewConversationAboutTheProject()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var spring = await ProjectIdAsync("Spring Campaign");
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);
        try
        {
            await SetStageAsync(manager, spring, "OnHold");

            var thread = await chloe.GetPageAsync($"/portal/messages/{kickoff}");
            Assert.NotNull(thread.QuerySelector("[data-testid=reply-form]"));
            Assert.Contains("on hold", thread.QuerySelector("[data-testid=stage-notice]")?.TextContent, StringComparison.Ordinal);
            var before = await factory.Database.MessageCountAsync(kickoff);
            var reply = await chloe.PostFormAsync($"/portal/messages/{kickoff}", $"/portal/messages/{kickoff}?handler=Reply", Reply("Replying while on hold."));
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
            Assert.Equal(before + 1, await factory.Database.MessageCountAsync(kickoff));

            var form = await chloe.GetPageAsync("/portal/messages/new");
            Assert.DoesNotContain(form.QuerySelectorAll("select[name=Recipient] option"), o => o.GetAttribute("value")!.StartsWith($"{spring}:", StringComparison.Ordinal));
            var crafted = await chloe.PostFormAsync($"/portal/messages/{kickoff}", "/portal/messages/new", new()
            {
                ["Recipient"] = $"{spring}:{sam}",
                ["Subject"] = "New thread while on hold",
                ["Body"] = "Can we start something?",
                ["IdempotencyKey"] = Guid.NewGuid().ToString(),
            });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, crafted.StatusCode);
            Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE subject = 'New thread while on hold'"));

            await SetStageAsync(manager, spring, "Active");
            form = await chloe.GetPageAsync("/portal/messages/new");
            Assert.Contains(form.QuerySelectorAll("select[name=Recipient] option"), o => o.GetAttribute("value") == $"{spring}:{sam}");
            var started = await chloe.PostFormAsync("/portal/messages/new", "/portal/messages/new", new()
            {
                ["Recipient"] = $"{spring}:{sam}",
                ["Subject"] = "New thread once active",
                ["Body"] = "Back in business.",
                ["IdempotencyKey"] = Guid.NewGuid().ToString(),
            });
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
            Assert.Equal(spring, await factory.Database.ScalarAsync<long>("SELECT project_id FROM conversations WHERE subject = 'New thread once active'"));
            Assert.Null((await chloe.GetPageAsync($"/portal/messages/{kickoff}")).QuerySelector("[data-testid=stage-notice]"));
        }
        finally
        {
            await ResetStageAsync(spring);
        }
    }

    [Fact]
    public async Task TheSeededClosedProjectsThreadIsReadOnlyForItsClient()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var wrapUp = await factory.Database.ConversationIdAsync("Catalogue wrap-up");
        var autumn = await ProjectIdAsync("Autumn Catalogue");
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);
        var before = await factory.Database.MessageCountAsync(wrapUp);

        var thread = await chloe.GetPageAsync($"/portal/messages/{wrapUp}");
        var crafted = await chloe.PostFormAsync($"/portal/messages/{wrapUp}", $"/portal/messages/{wrapUp}?handler=Reply", Reply("one more thing"), htmx: true);
        var form = await chloe.GetPageAsync("/portal/messages/new");

        Assert.Contains(thread.QuerySelectorAll("[data-testid=message-body]"), b => b.TextContent.Contains("Thank you, it looks wonderful.", StringComparison.Ordinal));
        Assert.Null(thread.QuerySelector("[data-testid=reply-form]"));
        Assert.Contains("closed", thread.QuerySelector("[data-testid=read-only-notice]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
        Assert.Equal(before, await factory.Database.MessageCountAsync(wrapUp));
        Assert.DoesNotContain(form.QuerySelectorAll("select[name=Recipient] option"), o => o.GetAttribute("value") == $"{autumn}:{sam}");
    }
    [Fact]
    public async Task ForeignProjectsAndMembersAreNotReachable()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var (_, foreignProject, foreignMember) = await factory.Database.AddForeignWorkspaceAsync();
        var launch = await ProjectIdAsync("Product Launch");

        await manager.GetPageAsync($"/staff/projects/{foreignProject}", HttpStatusCode.NotFound);
        var stage = await manager.PostFormAsync("/staff/projects", $"/staff/projects/{foreignProject}?handler=Stage", new() { ["stage"] = "Closed" });
        var addTo = await manager.PostFormAsync("/staff/projects", $"/staff/projects/{foreignProject}?handler=Add", new() { ["memberId"] = $"{await factory.Database.MemberIdAsync(Demo.Viewer)}" });
        var addForeign = await manager.PostFormAsync($"/staff/projects/{launch}", $"/staff/projects/{launch}?handler=Add", new() { ["memberId"] = $"{foreignMember}" });
        var listed = await manager.GetPageAsync("/staff/projects");

        Assert.Equal(HttpStatusCode.NotFound, stage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, addTo.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, addForeign.StatusCode);
        Assert.Equal("Active", await factory.Database.ScalarAsync<string>($"SELECT stage FROM projects WHERE id = {foreignProject}"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM project_members WHERE project_id = {foreignProject} OR member_id = {foreignMember}"));
        Assert.DoesNotContain(listed.QuerySelectorAll("[data-testid=project-row]"), r => r.TextContent.Contains("Foreign project", StringComparison.Ordinal));
    }
}
