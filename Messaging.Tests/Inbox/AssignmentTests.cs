using System.Net;
using Messaging.Core.Access;
using Messaging.Core.Projects;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;

namespace Messaging.Tests.Inbox;

/// <summary>Assigning conversations (issue 9): who may be assigned, the staff-only line in the thread, the audit entry, the live notice.</summary>
public sealed class AssignmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AssigningToAClientIsRefusedWithAClearMessageAndNothingChanges()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        var carlos = await factory.Database.MemberIdAsync(Demo.Client2);

        var response = await manager.AssignAsync(id, carlos);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var panel = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Only team members can be assigned", panel.QuerySelector("[data-testid=panel-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE id = {id} AND assigned_member_id IS NOT NULL"));
    }

    [Fact]
    public async Task AssigningToStaffWithoutAccessToTheProjectIsRefusedWithAClearMessage()
    {
        var outsider = await factory.AddMemberAsync("outsider@test.local", "Olga Outsider", MemberKind.Staff, StaffRole.Coordinator, ("Product Launch", ProjectRelation.Team));
        using var manager = await factory.SignInAsync(Demo.Manager);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback"); // Spring Campaign

        var response = await manager.AssignAsync(id, outsider);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=panel-error]")!.TextContent;
        Assert.Equal("Olga Outsider has no access to the project Spring Campaign. Add them to the project team first.", error);
    }

    [Fact]
    public async Task AViewerCannotBeAssignedAndCannotAssign()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var viewer = await factory.SignInAsync(Demo.Viewer);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.AssignAsync(id, vic)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.AssignAsync(id, vic)).StatusCode);
    }

    [Fact]
    public async Task AnAssignmentShowsInTheStaffThreadAsALineIsAuditedAndNeverReachesTheClient()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Catalogue wrap-up");
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);

        var response = await manager.AssignAsync(id, sam, htmx: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var staffThread = await manager.GetPageAsync($"/staff/messages/{id}");
        Assert.Contains(staffThread.QuerySelectorAll("[data-testid=system-line]"), l => l.TextContent.Contains("Mia Manager assigned Sam Staff", StringComparison.Ordinal));
        Assert.Contains("Sam Staff", staffThread.QuerySelector("[data-testid=inbox-panel] [data-testid=assignee]")!.TextContent, StringComparison.Ordinal);
        var clientThread = await client.GetPageAsync($"/portal/messages/{id}");
        Assert.DoesNotContain("assigned", clientThread.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        Assert.Null(clientThread.QuerySelector("[data-testid=inbox-panel]"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'conversation.assign' AND object_id = '{id}' AND detail = 'member {sam}'"));
    }

    [Fact]
    public async Task TheAssigneeGetsALiveNoticeAndOthersAndClientsDoNot()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var client = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Shipping samples");
        await using var samStream = await SseReader.OpenAsync(sam.Http, "/events");
        await using var clientStream = await SseReader.OpenAsync(client.Http, "/events");
        Assert.NotNull(await samStream.WaitForAsync(e => e.Type == "ready", Wait));
        Assert.NotNull(await clientStream.WaitForAsync(e => e.Type == "ready", Wait));

        await manager.AssignAsync(id, await factory.Database.MemberIdAsync(Demo.Staff));

        var assigned = await samStream.WaitForAsync(e => e.Type == "message" && e.Data.Contains("\"kind\":\"assigned\"", StringComparison.Ordinal), Wait);
        Assert.NotNull(assigned);
        var messageId = System.Text.Json.JsonDocument.Parse(assigned.Data).RootElement.GetProperty("messageId").GetInt64();
        var notice = await sam.GetAsync($"/staff/inbox?handler=Notice&messageId={messageId}", htmx: true);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("Mia Manager assigned you", await notice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.GetAsync($"/staff/inbox?handler=Notice&messageId={messageId}", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/inbox?handler=Notice&messageId={messageId}", htmx: true)).StatusCode);
        Assert.Null(await clientStream.WaitForAsync(e => e.Type is "message" || e.Type.StartsWith("conversation-", StringComparison.Ordinal), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task TakingAConversationMovesItFromUnassignedToMine()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Team sync: Q3 planning");
        Assert.Contains("Team sync: Q3 planning", await sam.InboxSubjectsAsync("view=Unassigned"));

        var response = await sam.PostFormAsync("/staff/inbox", "/staff/inbox?view=Unassigned&handler=Assign",
            new() { ["conversationId"] = InboxPosts.Str(id), ["memberId"] = InboxPosts.Str(await factory.Database.MemberIdAsync(Demo.Staff)) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Team sync: Q3 planning", await sam.InboxSubjectsAsync("view=Unassigned"));
        Assert.Contains("Team sync: Q3 planning", await sam.InboxSubjectsAsync("view=Mine"));
        var line = await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {id} AND kind = 'Assigned' AND visibility = 'StaffOnly'");
        Assert.Equal(1L, line);
    }

    [Fact]
    public async Task AssigningFromTheInboxToSomeoneWithoutAccessShowsTheMessageInTheList()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var id = await factory.Database.ConversationIdAsync("Invoice question"); // no project; Sam is not in it
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);

        var response = await manager.PostFormAsync("/staff/inbox", "/staff/inbox?view=All&handler=Assign",
            new() { ["conversationId"] = InboxPosts.Str(id), ["memberId"] = InboxPosts.Str(sam) }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var list = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Sam Staff has no access to this conversation. Add them to it first.", list.QuerySelector("[data-testid=assign-error]")!.TextContent);
    }

    [Fact]
    public async Task AnotherWorkspacesConversationIs404ForEveryInboxPost()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var (conversation, _, _) = await factory.Database.AddForeignWorkspaceAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/staff/inbox", $"/staff/inbox/{conversation}?handler=Assign", new() { ["memberId"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/staff/inbox", $"/staff/inbox/{conversation}?handler=Status", new() { ["status"] = "Closed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/staff/inbox/{conversation}?handler=Panel")).StatusCode);
    }

    [Fact]
    public async Task EveryInboxFormCarriesItsAntiforgeryTokenSoItWorksWithoutJavaScript()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await factory.Database.ExecuteAsync("INSERT INTO workspace_tags (workspace_id, name, created_at) SELECT id, 'Form check', now() FROM workspaces ORDER BY id LIMIT 1");

        var forms = (await manager.GetPageAsync("/staff/inbox?view=All")).QuerySelectorAll("[data-testid=assign-form]")
            .Concat((await manager.GetPageAsync($"/staff/messages/{id}")).QuerySelectorAll("[data-testid=inbox-panel] form")).ToList();

        Assert.True(forms.Count > 3);
        Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
    }
}
