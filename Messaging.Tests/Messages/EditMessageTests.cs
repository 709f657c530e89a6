using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;
using static Messaging.Tests.Messages.MessageContent;

namespace Messaging.Tests.Messages;

/// <summary>Editing a message: the author, within the workspace's edit window, with history for staff, live and audited.</summary>
public sealed class EditMessageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<(PortalClient Chloe, long Invoice, long MessageId, string Text)> ChloeSentAsync()
    {
        var chloe = await factory.SignInAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var text = $"First draft {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", invoice, text)).StatusCode);
        return (chloe, invoice, await factory.Database.MessageIdAsync(text), text);
    }

    [Fact]
    public async Task AnAuthorEditsTheirMessageWithinTheWindowAndEveryoneSeesEdited()
    {
        var (chloe, invoice, id, text) = await ChloeSentAsync();
        using var _ = chloe;
        using var ada = await factory.SignInAsync(Demo.Admin);
        var updated = $"Second version {Guid.NewGuid():N}";

        var response = await EditAsync(chloe, id, updated);
        var fragment = await FragmentAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(updated, fragment!.QuerySelector("[data-testid=message-body]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(fragment.QuerySelector("[data-testid=message-edited]"));
        Assert.Equal(updated, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
        Assert.Equal(text, await factory.Database.ScalarAsync<string>($"SELECT previous_body FROM message_edits WHERE message_id = {Id(id)}"));
        Assert.Equal(1L, await factory.Database.CountAsync("audit_entries", $"action = 'message.edit' AND object_id = '{Id(id)}'"));

        var seenByAda = await MessageOnPageAsync(ada, "/staff/messages", invoice, id);
        Assert.Contains(updated, seenByAda!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(text, seenByAda.TextContent, StringComparison.Ordinal);
        Assert.NotNull(seenByAda.QuerySelector("[data-testid=message-edited]"));
    }

    [Fact]
    public async Task StaffSeeTheEditHistoryAndClientsDoNot()
    {
        var (chloe, invoice, id, text) = await ChloeSentAsync();
        using var _ = chloe;
        using var ada = await factory.SignInAsync(Demo.Admin);
        await EditAsync(chloe, id, text + " v2");
        await EditAsync(chloe, id, text + " v3");

        var history = await ada.GetAsync($"/messages/item/{Id(id)}?handler=History", htmx: true);
        var versions = PortalClient.Parse(await history.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid=edit-version]");
        var clientHistory = await chloe.GetAsync($"/messages/item/{Id(id)}?handler=History", htmx: true);
        var asClient = await MessageOnPageAsync(chloe, "/portal/messages", invoice, id);

        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal(3, versions.Length);
        Assert.EndsWith(text, versions[0].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(" v2", versions[1].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(" v3", versions[2].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, clientHistory.StatusCode);
        Assert.Equal("SPAN", asClient!.QuerySelector("[data-testid=message-edited]")!.TagName);
    }

    [Fact]
    public async Task EditingAfterTheWindowIsRefusedWithAClearMessageAndChangesNothing()
    {
        var (chloe, invoice, id, text) = await ChloeSentAsync();
        using var _ = chloe;
        await factory.Database.ExecuteAsync($"UPDATE messages SET created_at = now() - interval '16 minutes' WHERE id = {Id(id)}");

        var response = await EditAsync(chloe, id, "too late");
        var fragment = await FragmentAsync(response);
        var onPage = await MessageOnPageAsync(chloe, "/portal/messages", invoice, id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("within 15 minutes", fragment!.QuerySelector("[data-testid=message-action-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("too late", fragment.QuerySelector("[data-testid=edit-body]")!.TextContent);
        Assert.Equal(text, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
        Assert.Equal(0L, await factory.Database.CountAsync("message_edits", $"message_id = {Id(id)}"));
        Assert.Equal(0L, await factory.Database.CountAsync("audit_entries", $"action = 'message.edit' AND object_id = '{Id(id)}'"));
        Assert.Null(onPage!.QuerySelector("[data-testid=edit-form]"));
    }

    [Fact]
    public async Task EditingSomeoneElsesMessageIsRefusedOnThePlainFormPathToo()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var adas = await factory.Database.ScalarAsync<long>("SELECT id FROM messages WHERE body LIKE 'Of course, which address%'");

        var htmx = await EditAsync(chloe, adas, "rewritten by Chloe");
        var plain = await EditAsync(chloe, adas, "rewritten by Chloe", htmx: false);
        var page = PortalClient.Parse(await plain.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, htmx.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.Equal("You can only edit your own messages.", page.QuerySelector("[data-testid=message-action-error]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=message-item]"));
        Assert.Equal(0L, await factory.Database.CountAsync("messages", "body = 'rewritten by Chloe'"));
        Assert.Equal(0L, await factory.Database.CountAsync("message_edits", $"message_id = {Id(adas)}"));
    }

    [Fact]
    public async Task AnEmptyEditComesBackWithTheFormAndStoresNothing()
    {
        var (chloe, _, id, text) = await ChloeSentAsync();
        using var __ = chloe;

        var response = await EditAsync(chloe, id, "   ");
        var fragment = await FragmentAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Write a message before sending.", fragment!.QuerySelector("[data-testid=message-action-error]")!.TextContent);
        Assert.NotNull(fragment.QuerySelector("details.msg-edit[open] [data-testid=edit-form]"));
        Assert.Equal(text, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
    }

    [Fact]
    public async Task TheEditWindowIsAWorkspaceSettingAdminsChangeWithAnAuditEntry()
    {
        using var ada = await factory.SignInAsync(Demo.Admin);
        var settings = await ada.GetPageAsync("/admin/settings");
        Assert.Equal("15", settings.QuerySelector("[data-testid=edit-window]")!.GetAttribute("value"));
        try
        {
            var saved = await ada.PostFormAsync("/admin/settings", "/admin/settings?handler=Messages", new() { ["EditWindowMinutes"] = "30" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(30, await factory.Database.ScalarAsync<int>("SELECT edit_window_minutes FROM workspaces ORDER BY id LIMIT 1"));
            Assert.Equal(1L, await factory.Database.CountAsync("audit_entries", "action = 'setting.change' AND detail = 'message edit window: 15 → 30 minutes'"));

            foreach (var bad in new[] { "abc", "-5", "2000", "" })
            {
                var refused = await ada.PostFormAsync("/admin/settings", "/admin/settings?handler=Messages", new() { ["EditWindowMinutes"] = bad });
                var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Contains("whole number of minutes", page.QuerySelector("[data-testid=edit-window-error]")!.TextContent, StringComparison.Ordinal);
                Assert.Equal(bad, page.QuerySelector("[data-testid=edit-window]")!.GetAttribute("value") ?? "");
                Assert.NotNull(page.QuerySelector("[data-testid=messages-module-toggle]"));
            }

            Assert.Equal(30, await factory.Database.ScalarAsync<int>("SELECT edit_window_minutes FROM workspaces ORDER BY id LIMIT 1"));

            await ada.PostFormAsync("/admin/settings", "/admin/settings?handler=Messages", new() { ["EditWindowMinutes"] = "0" });
            var (chloe, _, id, _) = await ChloeSentAsync();
            using var __ = chloe;
            var edit = await EditAsync(chloe, id, "no editing today");
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
            Assert.Contains("Editing messages is turned off", (await FragmentAsync(edit))!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET edit_window_minutes = 15");
        }
    }

    [Fact]
    public async Task AnEditReachesTheOtherParticipantLiveAndANoteEditNeverReachesAClient()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var ada = await factory.SignInAsync(Demo.Admin);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var reply = $"Ada's reply {Guid.NewGuid():N}";
        var note = $"Ada's note {Guid.NewGuid():N}";
        await SendAsync(ada, "/staff/messages", invoice, reply);
        await SendAsync(ada, "/staff/messages", invoice, note, note: true);
        var replyId = await factory.Database.MessageIdAsync(reply);
        var noteId = await factory.Database.MessageIdAsync(note);
        await using var stream = await SseReader.OpenAsync(chloe.Http, "/events");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));

        Assert.Equal(HttpStatusCode.OK, (await EditAsync(ada, noteId, note + " (edited secret)")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(ada, replyId, reply + " (edited)")).StatusCode);

        var edited = await stream.WaitForAsync(e => e.Type == $"conversation-{Id(invoice)}", Wait);
        Assert.NotNull(edited);
        Assert.Contains("\"kind\":\"message-edited\"", edited.Data, StringComparison.Ordinal);
        Assert.Contains($"\"messageId\":{Id(replyId)}", edited.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("edited", edited.Data.Replace("message-edited", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(await stream.WaitForAsync(e => e.Data.Contains($"\"messageId\":{Id(noteId)}", StringComparison.Ordinal), TimeSpan.FromSeconds(2)));
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/messages/item/{Id(noteId)}", htmx: true)).StatusCode);
    }
}

/// <summary>A closed project's threads are read-only for clients: no edits or deletes of their own messages either.</summary>
public sealed class ClosedProjectChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AClientCannotEditOrDeleteTheirMessageOnceTheProjectIsClosed()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var text = $"Before closing {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(chloe, "/portal/messages", kickoff, text)).StatusCode);
        var id = await factory.Database.MessageIdAsync(text);
        await factory.Database.ExecuteAsync("UPDATE projects SET stage = 'Closed' WHERE name = 'Spring Campaign'");

        var edit = await EditAsync(chloe, id, text + " changed");
        var delete = await DeleteAsync(chloe, id);

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Contains("closed", await edit.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(text, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE id = {Id(id)} AND (deleted_at IS NOT NULL OR edited_at IS NOT NULL)"));
    }
}
