using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Projects;

/// <summary>
/// Project contacts in states (invited, accepted, removed) and the threads a project creates: once, when it becomes
/// Active, with its accepted contacts and team and a welcome system message; contacts accepted later join.
/// </summary>
public sealed class ProjectThreadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<long> CreateAsync(PortalClient manager, string name, string stage = "Lead")
    {
        var created = await manager.PostFormAsync("/staff/projects", "/staff/projects?handler=Create", new() { ["Name"] = name, ["Stage"] = stage });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await factory.Database.ScalarAsync<long>($"SELECT id FROM projects WHERE name = '{name}'");
    }

    private static async Task PostAsync(PortalClient manager, long project, string handler, Dictionary<string, string> form, HttpStatusCode expected = HttpStatusCode.Redirect)
    {
        var path = $"/staff/projects/{Id(project)}";
        var response = await manager.PostFormAsync(path, $"{path}?handler={handler}", form);
        Assert.True(response.StatusCode == expected, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private Task<long> ThreadsAsync(long project) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE project_id = {Id(project)}");

    private Task<long> SharedThreadAsync(long project) =>
        factory.Database.ScalarAsync<long>($"SELECT coalesce(thread_conversation_id, 0) FROM projects WHERE id = {Id(project)}");

    private Task<bool> InAsync(long conversation, long member) =>
        factory.Database.ScalarAsync<bool>($"SELECT exists (SELECT 1 FROM conversation_participants WHERE conversation_id = {Id(conversation)} AND member_id = {Id(member)})");

    private Task<long> SystemMessagesAsync(long conversation) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {Id(conversation)} AND kind = 'System'");

    [Fact]
    public async Task AnInvitedContactAcceptsInThePortalAndJoinsTheThreadCreatedOnceWhenTheProjectBecomesActive()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        var carlosId = await factory.Database.MemberIdAsync(Demo.Client2);
        var samId = await factory.Database.MemberIdAsync(Demo.Staff);
        var project = await CreateAsync(manager, "Harbour Festival");
        await PostAsync(manager, project, "Add", new() { ["memberId"] = Id(carlosId) });
        await PostAsync(manager, project, "Add", new() { ["memberId"] = Id(samId) });

        Assert.Equal("Invited", await factory.Database.ScalarAsync<string>($"SELECT state FROM project_members WHERE project_id = {Id(project)} AND member_id = {Id(carlosId)}"));
        var staffPage = await manager.GetPageAsync($"/staff/projects/{Id(project)}");
        var contact = staffPage.QuerySelector($"[data-testid=project-contact][data-member-id='{Id(carlosId)}']")!;
        Assert.Equal("invited", contact.GetAttribute("data-state"));
        Assert.Null(contact.QuerySelector("[data-testid=project-message-contact]"));

        // An invited contact is not messaged about the project: a crafted Message post is refused, nothing created.
        await PostAsync(manager, project, "Message", new() { ["memberId"] = Id(carlosId) }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0L, await ThreadsAsync(project));

        // Lead: no thread yet. Active: one thread with the team (Carlos has not accepted), opened by a welcome.
        await PostAsync(manager, project, "Stage", new() { ["stage"] = "Active" });
        var thread = await SharedThreadAsync(project);
        Assert.NotEqual(0L, thread);
        Assert.Equal(1L, await ThreadsAsync(project));
        Assert.True(await InAsync(thread, samId));
        Assert.False(await InAsync(thread, carlosId));
        Assert.Contains("Welcome to Harbour Festival", await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE conversation_id = {Id(thread)} AND kind = 'System' ORDER BY id LIMIT 1"), StringComparison.Ordinal);

        // Carlos accepts in the portal and joins the thread.
        var mine = await carlos.GetPageAsync("/portal/projects");
        Assert.Equal("invited", mine.QuerySelector($"[data-testid=project-contact][data-project-id='{Id(project)}']")?.GetAttribute("data-state"));
        var accept = await carlos.PostFormAsync("/portal/projects", "/portal/projects?handler=Accept", new() { ["projectId"] = Id(project) });
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.True(await InAsync(thread, carlosId));
        var threadPage = await carlos.GetPageAsync($"/portal/messages/{Id(thread)}");
        Assert.Contains(threadPage.QuerySelectorAll("[data-testid=system-message]"), m => m.TextContent.Contains("Welcome to Harbour Festival", StringComparison.Ordinal));
        Assert.Contains(threadPage.QuerySelectorAll("[data-testid=system-message]"), m => m.TextContent.Contains("Carlos Client accepted the project", StringComparison.Ordinal));

        // Repeating the transition creates nothing twice; it is announced instead.
        await PostAsync(manager, project, "Stage", new() { ["stage"] = "OnHold" });
        await PostAsync(manager, project, "Stage", new() { ["stage"] = "Active" });
        Assert.Equal(1L, await ThreadsAsync(project));
        Assert.Equal(thread, await SharedThreadAsync(project));
        Assert.Equal(4L, await SystemMessagesAsync(thread));

        // Accepted: the Message action opens his thread, and the project page lists it.
        staffPage = await manager.GetPageAsync($"/staff/projects/{Id(project)}");
        Assert.Equal("accepted", staffPage.QuerySelector($"[data-testid=project-contact][data-member-id='{Id(carlosId)}']")?.GetAttribute("data-state"));
        Assert.NotNull(staffPage.QuerySelector($"[data-testid=project-contact][data-member-id='{Id(carlosId)}'] [data-testid=project-message-contact]"));
        Assert.NotNull(staffPage.QuerySelector($"[data-testid=project-thread][data-conversation-id='{Id(thread)}']"));
        var path = $"/staff/projects/{Id(project)}";
        var message = await manager.PostFormAsync(path, $"{path}?handler=Message", new() { ["memberId"] = Id(carlosId) });
        Assert.Equal(HttpStatusCode.Redirect, message.StatusCode);
        Assert.Equal($"/staff/messages/{Id(thread)}", message.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AStageChangeThatIsNotAllowedIsRefusedWithAMessageAndNothingIsStored()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var project = await CreateAsync(manager, "Rooftop Series", "Active");
        var audits = await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE object_type = 'project' AND object_id = '{Id(project)}'");

        var path = $"/staff/projects/{Id(project)}";
        var back = await manager.PostFormAsync(path, $"{path}?handler=Stage", new() { ["stage"] = "Lead" });
        var page = PortalClient.Parse(await back.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, back.StatusCode);
        Assert.Contains("can't go back to Lead", page.QuerySelector("[data-testid=project-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active", await factory.Database.ScalarAsync<string>($"SELECT stage FROM projects WHERE id = {Id(project)}"));
        Assert.Equal(audits, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE object_type = 'project' AND object_id = '{Id(project)}'"));

        // Created Active, the project got its (empty) thread at once.
        Assert.Equal(1L, await ThreadsAsync(project));
    }

    [Fact]
    public async Task WithAThreadPerContactEachAcceptedContactGetsTheirOwnThreadAndARemovedOneLeavesIt()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var carlosId = await factory.Database.MemberIdAsync(Demo.Client2);
        var project = await CreateAsync(manager, "Gallery Nights");
        await PostAsync(manager, project, "ThreadMode", new() { ["perContact"] = "true" });
        await PostAsync(manager, project, "Add", new() { ["memberId"] = Id(chloeId) });
        await PostAsync(manager, project, "Add", new() { ["memberId"] = Id(carlosId) });
        await PostAsync(manager, project, "Contact", new() { ["memberId"] = Id(chloeId), ["state"] = "Accepted" });

        await PostAsync(manager, project, "Stage", new() { ["stage"] = "Active" });
        var chloeThread = await factory.Database.ScalarAsync<long>($"SELECT coalesce(thread_conversation_id, 0) FROM project_members WHERE project_id = {Id(project)} AND member_id = {Id(chloeId)}");
        Assert.NotEqual(0L, chloeThread);
        Assert.Equal(1L, await ThreadsAsync(project));
        Assert.Equal(0L, await SharedThreadAsync(project));

        using var carlos = await factory.SignInAsync(Demo.Client2);
        Assert.Equal(HttpStatusCode.Redirect, (await carlos.PostFormAsync("/portal/projects", "/portal/projects?handler=Accept", new() { ["projectId"] = Id(project) })).StatusCode);
        var carlosThread = await factory.Database.ScalarAsync<long>($"SELECT coalesce(thread_conversation_id, 0) FROM project_members WHERE project_id = {Id(project)} AND member_id = {Id(carlosId)}");
        Assert.NotEqual(0L, carlosThread);
        Assert.NotEqual(chloeThread, carlosThread);
        Assert.Equal(2L, await ThreadsAsync(project));
        Assert.False(await InAsync(carlosThread, chloeId));

        // Removed: she leaves her thread, and the Message action refuses her.
        await PostAsync(manager, project, "Contact", new() { ["memberId"] = Id(chloeId), ["state"] = "Removed" });
        Assert.False(await InAsync(chloeThread, chloeId));
        await PostAsync(manager, project, "Message", new() { ["memberId"] = Id(chloeId) }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2L, await ThreadsAsync(project));
    }

    [Fact]
    public async Task AClientCannotAnswerAnInvitationToAProjectTheyAreNotInvitedTo()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var carlosId = await factory.Database.MemberIdAsync(Demo.Client2);
        var project = await CreateAsync(manager, "Private Preview");
        await PostAsync(manager, project, "Add", new() { ["memberId"] = Id(carlosId) });
        using var chloe = await factory.SignInAsync(Demo.Client);

        var accept = await chloe.PostFormAsync("/portal/projects", "/portal/projects?handler=Accept", new() { ["projectId"] = Id(project) });
        var list = await chloe.GetPageAsync("/portal/projects");

        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Null(list.QuerySelector($"[data-testid=project-contact][data-project-id='{Id(project)}']"));
        Assert.Equal("Invited", await factory.Database.ScalarAsync<string>($"SELECT state FROM project_members WHERE project_id = {Id(project)} AND member_id = {Id(carlosId)}"));
    }
}
