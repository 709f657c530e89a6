using System.Net;
using Messaging.Core.Access;
using Messaging.Core.Projects;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Inbox;

/// <summary>Optional round-robin assignment of new client conversations per project (issue 9).</summary>
public sealed class AutoAssignmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<long> ClientStartsAsync(PortalClient client, string subject)
    {
        var spring = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Spring Campaign'");
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);
        var response = await client.PostFormAsync("/portal/messages/new", "/portal/messages/new",
            new() { ["Recipient"] = $"{spring}:{sam}", ["Subject"] = subject, ["Body"] = $"Hello about {subject}", ["IdempotencyKey"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.Database.ConversationIdAsync(subject);
    }

    private Task<string> AssigneeAsync(long conversation) =>
        factory.Database.ScalarAsync<string>($"SELECT coalesce((SELECT m.display_name FROM conversations c JOIN members m ON m.id = c.assigned_member_id WHERE c.id = {conversation}), 'nobody')");

    [Fact]
    public async Task OffByDefaultANewClientConversationStaysUnassigned()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);

        var id = await ClientStartsAsync(chloe, "No round robin here");

        Assert.Equal("nobody", await AssigneeAsync(id));
    }

    [Fact]
    public async Task WithItOnNewClientConversationsGoRoundTheProjectTeam()
    {
        await factory.AddMemberAsync("rita@test.local", "Rita Rotation", MemberKind.Staff, StaffRole.Coordinator, ("Spring Campaign", ProjectRelation.Team));
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var spring = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Spring Campaign'");
        var saved = await manager.PostFormAsync($"/staff/projects/{spring}", $"/staff/projects/{spring}?handler=AutoAssign", new() { ["on"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            var first = await ClientStartsAsync(chloe, "Round robin one");
            var second = await ClientStartsAsync(chloe, "Round robin two");
            var third = await ClientStartsAsync(chloe, "Round robin three");

            // Vic is on the team but a Viewer: never picked.
            Assert.Equal(["Sam Staff", "Rita Rotation", "Sam Staff"], [await AssigneeAsync(first), await AssigneeAsync(second), await AssigneeAsync(third)]);
            using var sam = await factory.SignInAsync(Demo.Staff);
            var staffThread = await sam.GetPageAsync($"/staff/messages/{first}");
            Assert.Contains(staffThread.QuerySelectorAll("[data-testid=system-line]"), l => l.TextContent.Contains("Assigned automatically to Sam Staff", StringComparison.Ordinal));
            var line = await factory.Database.ScalarAsync<long>($"SELECT id FROM messages WHERE conversation_id = {first} AND kind = 'AutoAssigned'");
            var notice = await sam.GetAsync($"/staff/inbox?handler=Notice&messageId={line}", htmx: true);
            Assert.Contains("assigned to you automatically", await notice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM live_events WHERE message_id = {line} AND kind = 'assigned' AND visibility = 'StaffOnly'"));
            var clientThread = await chloe.GetPageAsync($"/portal/messages/{first}");
            Assert.DoesNotContain("Assigned automatically", clientThread.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'project.change' AND detail LIKE '%automatic assignment on'"));
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE projects SET auto_assign = false");
        }
    }
}
