using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Inbox;

/// <summary>Tags (issue 9): a workspace list managed by Managers, put on conversations by staff, and an inbox filter.</summary>
public sealed class TagTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<long> CreateTagAsync(PortalClient who, string name)
    {
        var response = await who.PostFormAsync("/staff/tags", "/staff/tags?handler=Create", new() { ["name"] = name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.Database.ScalarAsync<long>($"SELECT id FROM workspace_tags WHERE name = '{name}'");
    }

    [Fact]
    public async Task AManagerCreatesATagAndACoordinatorCannot()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var sam = await factory.SignInAsync(Demo.Staff);

        await CreateTagAsync(manager, "Invoices");
        var refused = await sam.PostFormAsync("/staff/tags", "/staff/tags?handler=Create", new() { ["name"] = "Sneaky" });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null((await sam.GetPageAsync("/staff/tags")).QuerySelector("[data-testid=tag-create-form]"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM workspace_tags WHERE name = 'Sneaky'"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'tag.change' AND detail = 'created Invoices'"));
    }

    [Fact]
    public async Task ADuplicateOrEmptyTagNameGetsAMessageAndTheTextIsKept()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        await CreateTagAsync(manager, "Press");

        var duplicate = await manager.PostFormAsync("/staff/tags", "/staff/tags?handler=Create", new() { ["name"] = "press" });
        var empty = await manager.PostFormAsync("/staff/tags", "/staff/tags?handler=Create", new() { ["name"] = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        var page = PortalClient.Parse(await duplicate.Content.ReadAsStringAsync());
        Assert.Equal("There is already a tag named press.", page.QuerySelector("[data-testid=tag-error]")!.TextContent);
        Assert.Equal("press", page.QuerySelector("[data-testid=tag-name]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
    }

    [Fact]
    public async Task StaffTagAConversationTheInboxFiltersByTagAndRemovingItIsAudited()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var sam = await factory.SignInAsync(Demo.Staff);
        var tag = await CreateTagAsync(manager, "Samples");
        var id = await factory.Database.ConversationIdAsync("Launch timeline");

        Assert.Equal(HttpStatusCode.OK, (await sam.TagAsync(id, tag)).StatusCode);

        Assert.Equal(["Launch timeline"], await sam.InboxSubjectsAsync($"view=All&tag={tag}"));
        var panel = await sam.GetPageAsync($"/staff/messages/{id}");
        Assert.Equal(["Samples"], panel.QuerySelectorAll("[data-testid=conversation-tag]").Select(t => t.TextContent).ToList());

        await sam.TagAsync(id, tag, add: false);
        Assert.Empty(await sam.InboxSubjectsAsync($"view=All&tag={tag}"));
        Assert.Equal(2L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'conversation.tag' AND object_id = '{id}'"));
    }

    [Fact]
    public async Task AnotherWorkspacesTagCannotBePutOnAConversation()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var (_, _, _) = await factory.Database.AddForeignWorkspaceAsync();
        var foreignTag = await factory.Database.ScalarAsync<long>(
            "INSERT INTO workspace_tags (workspace_id, name, created_at) SELECT id, 'Foreign', now() FROM workspaces WHERE name = 'Elsewhere Ltd' RETURNING id");
        var id = await factory.Database.ConversationIdAsync("Launch timeline");

        var response = await sam.TagAsync(id, foreignTag);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM conversation_tags WHERE tag_id = {foreignTag}"));
    }
}
