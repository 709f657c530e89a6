using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;
using static Messaging.Tests.Messages.MessageContent;

namespace Messaging.Tests.Messages;

/// <summary>Deleting a message: own with messages.delete, any for Admins; "message deleted" everywhere, the body gone.</summary>
public sealed class DeleteMessageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<(long Moodboard, long MessageId, string Text)> SendAsChloeAsync(PortalClient chloe, string prefix)
    {
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var text = $"{prefix} {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", moodboard, text)).StatusCode);
        return (moodboard, await factory.Database.MessageIdAsync(text), text);
    }

    [Fact]
    public async Task AnAuthorDeletesTheirMessageAndEveryoneSeesMessageDeletedWithTheBodyGone()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);
        var (moodboard, id, text) = await SendAsChloeAsync(chloe, "Secret plan for @Sam Staff");
        await EditAsync(chloe, id, text + " (v2)");
        Assert.Equal(1L, await factory.Database.CountAsync("message_mentions", $"message_id = {Id(id)}"));
        await using var stream = await SseReader.OpenAsync(sam.Http, "/events");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));

        var response = await DeleteAsync(chloe, id);
        var fragment = await FragmentAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(fragment!.QuerySelector("[data-testid=message-deleted]"));
        Assert.Equal("", await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
        Assert.Equal(1L, await factory.Database.CountAsync("messages", $"id = {Id(id)} AND deleted_at IS NOT NULL"));
        Assert.Equal(0L, await factory.Database.CountAsync("message_edits", $"message_id = {Id(id)}"));
        Assert.Equal(0L, await factory.Database.CountAsync("message_mentions", $"message_id = {Id(id)}"));
        Assert.Equal(1L, await factory.Database.CountAsync("audit_entries", $"action = 'message.delete' AND object_id = '{Id(id)}'"));

        // The edit's event can still reach a stream opened just after it (a stream delivers what its node had not yet
        // seen when it connected), so the delete is looked for among the conversation's events, not taken as the first.
        var live = await stream.WaitForAsync(e => e.Type == $"conversation-{Id(moodboard)}" && e.Data.Contains("\"kind\":\"message-deleted\"", StringComparison.Ordinal), Wait);
        Assert.NotNull(live);
        Assert.DoesNotContain("Secret plan", live.Data, StringComparison.Ordinal);

        foreach (var (member, url) in new[]
        {
            (sam, $"/staff/messages/{Id(moodboard)}"),
            (chloe, $"/portal/messages/{Id(moodboard)}"),
            (sam, $"/staff/messages/{Id(moodboard)}?handler=Newer&after={Id(id - 1)}"),
            (sam, $"/messages/item/{Id(id)}"),
            (sam, "/staff/messages"),
        })
        {
            var html = await (await member.GetAsync(url, htmx: true)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Secret plan", html, StringComparison.Ordinal);
        }

        var onPage = await MessageOnPageAsync(sam, "/staff/messages", moodboard, id);
        Assert.Equal("Message deleted", onPage!.QuerySelector("[data-testid=message-deleted]")!.TextContent);
        Assert.Null(onPage.QuerySelector("[data-testid=message-delete]"));
    }

    [Fact]
    public async Task DeletingWithoutTheDeletePermissionIsRefusedAndChangesNothing()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var (_, id, text) = await SendAsChloeAsync(chloe, "Keep me");
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        await factory.Database.ExecuteAsync($"INSERT INTO member_permissions (member_id, permission, granted) VALUES ({Id(chloeId)}, 'messages.delete', false)");
        try
        {
            var response = await DeleteAsync(chloe, id);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("You do not have permission to delete messages.", (await FragmentAsync(response))!.QuerySelector("[data-testid=message-action-error]")!.TextContent);
            Assert.Equal(text, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
            Assert.Equal(0L, await factory.Database.CountAsync("audit_entries", $"action = 'message.delete' AND object_id = '{Id(id)}'"));
        }
        finally
        {
            await factory.Database.ExecuteAsync($"DELETE FROM member_permissions WHERE member_id = {Id(chloeId)}");
        }
    }

    [Fact]
    public async Task OnlyAdminsDeleteSomeoneElsesMessage()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var mia = await factory.SignInAsync(Demo.Manager);
        using var ada = await factory.SignInAsync(Demo.Admin);
        var (_, id, text) = await SendAsChloeAsync(chloe, "Chloe's words");

        var bySam = await DeleteAsync(sam, id);
        var byManager = await DeleteAsync(mia, id, htmx: false);
        Assert.Equal(HttpStatusCode.Forbidden, bySam.StatusCode);
        Assert.Equal("You can only delete your own messages.", (await FragmentAsync(bySam))!.QuerySelector("[data-testid=message-action-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Equal(text, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));

        var byAdmin = await DeleteAsync(ada, id, htmx: false);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        Assert.EndsWith($"#m-{Id(id)}", byAdmin.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal($"conversation {Id(await factory.Database.ConversationIdAsync("Moodboard feedback"))}, written by member {Id(chloeId)}",
            await factory.Database.ScalarAsync<string>($"SELECT detail FROM audit_entries WHERE action = 'message.delete' AND object_id = '{Id(id)}'"));
    }

    [Fact]
    public async Task AClientCanNeitherFetchNorDeleteAnInternalNote()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var note = $"Internal thought {Guid.NewGuid():N}";
        await SendAsync(sam, "/staff/messages", moodboard, note, note: true);
        var id = await factory.Database.MessageIdAsync(note);

        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/messages/item/{Id(id)}", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(chloe, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EditAsync(chloe, id, "client edit")).StatusCode);
        Assert.Equal(note, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(sam, id)).StatusCode);
    }

    [Fact]
    public async Task AMessageOfAnotherWorkspaceAnswers404EvenToAnAdmin()
    {
        using var ada = await factory.SignInAsync(Demo.Admin);
        var (conversation, _, _) = await factory.Database.AddForeignWorkspaceAsync();
        var id = await factory.Database.ScalarAsync<long>($"SELECT id FROM messages WHERE conversation_id = {Id(conversation)}");

        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/messages/item/{Id(id)}", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/messages/item/{Id(id)}?handler=History", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EditAsync(ada, id, "taken over")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(ada, id)).StatusCode);
        Assert.Equal("foreign secret", await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
    }
}
