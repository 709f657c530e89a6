using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.ConversationState;

/// <summary>Mark read/unread, mute, archive, delete for me and their bulk form, through the list's Bulk handler.</summary>
public sealed class ConversationActionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Bulk(string action, params long[] ids)
    {
        var form = new Dictionary<string, string> { ["bulkAction"] = action };
        for (var i = 0; i < ids.Length; i++)
        {
            form[$"ids[{i}]"] = ids[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return form;
    }

    private static Dictionary<string, string> Reply(string body) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    private static async Task<IReadOnlyList<string>> RowIdsAsync(PortalClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelectorAll("[data-testid=conversation-row]").Select(r => r.GetAttribute("data-conversation-id")!).ToList();

    private Task<bool> FlagAsync(long conversation, string email, string column) => factory.Database.ScalarAsync<bool>(
        $"SELECT {column} FROM conversation_participants p JOIN members m ON m.id = p.member_id JOIN \"AspNetUsers\" u ON u.\"Id\" = m.user_id WHERE p.conversation_id = {conversation} AND u.\"Email\" = '{email}'");

    [Fact]
    public async Task ArchivingMovesAConversationFromTheInboxToTheArchivedView()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");

        var response = await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk", Bulk("Archive", id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await RowIdsAsync(client, "/portal/messages"));
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await RowIdsAsync(client, "/portal/messages?view=archived"));

        await client.PostFormAsync("/portal/messages?view=archived", "/portal/messages?handler=Bulk", Bulk("Unarchive", id));
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await RowIdsAsync(client, "/portal/messages"));
    }

    [Fact]
    public async Task ANewMessageInAnArchivedConversationBringsItBackToTheInbox()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk", Bulk("Archive", id));
        Assert.True(await FlagAsync(id, Demo.Client, "is_archived"));

        await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("Back to you"));

        Assert.False(await FlagAsync(id, Demo.Client, "is_archived"));
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await RowIdsAsync(client, "/portal/messages"));
    }

    [Fact]
    public async Task AnInternalNoteDoesNotBringBackAClientsArchivedConversation()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk", Bulk("Archive", id));
        await admin.PostFormAsync("/staff/messages", "/staff/messages?handler=Bulk", Bulk("Archive", id));

        await admin.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Note", Reply("team only"));

        Assert.True(await FlagAsync(id, Demo.Client, "is_archived"));
        Assert.False(await FlagAsync(id, Demo.Admin, "is_archived"));
    }

    [Fact]
    public async Task DeleteForMeHidesTheConversationForThatMemberOnlyUntilANewMessageArrives()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Team sync: Q3 planning");
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await staff.PostFormAsync("/staff/messages", "/staff/messages?handler=Bulk", Bulk("DeleteForMe", id));

        Assert.DoesNotContain(idText, await RowIdsAsync(staff, "/staff/messages"));
        Assert.DoesNotContain(idText, await RowIdsAsync(staff, "/staff/messages?view=archived"));
        Assert.Contains(idText, await RowIdsAsync(admin, "/staff/messages"));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/staff/messages/{id}")).StatusCode); // the history is still there by its link

        await admin.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("Anyone there?"));

        Assert.Contains(idText, await RowIdsAsync(staff, "/staff/messages"));
    }

    [Fact]
    public async Task ABulkActionWithAForeignIdAnswers404AndChangesNothing()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var mine = await factory.Database.ConversationIdAsync("Invoice question");
        var notMine = await factory.Database.ConversationIdAsync("Shipping samples");
        var (foreign, _, _) = await factory.Database.AddForeignWorkspaceAsync();

        var withOthers = await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk", Bulk("Archive", mine, notMine));
        var withForeign = await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk", Bulk("DeleteForMe", mine, foreign));

        Assert.Equal(HttpStatusCode.NotFound, withOthers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withForeign.StatusCode);
        Assert.False(await FlagAsync(mine, Demo.Client, "is_archived"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM conversation_participants WHERE conversation_id IN ({mine}, {notMine}, {foreign}) AND (hidden_at IS NOT NULL OR is_archived)"));
    }

    [Fact]
    public async Task ABulkActionWithNothingSelectedSaysSoAndChangesNothing()
    {
        using var client = await factory.SignInAsync(Demo.Client2);

        var none = await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk", Bulk("Archive"));
        var noAction = await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk", Bulk("Explode", 1));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        var page = PortalClient.Parse(await none.Content.ReadAsStringAsync());
        Assert.Equal("Select at least one conversation first.", page.QuerySelector("[data-testid=bulk-error]")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=conversation-row]"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAction.StatusCode);
        Assert.Contains("Choose what to do", await noAction.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkMarkReadAndMarkUnreadMoveTheUnreadStateOfEachSelectedConversation()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var samples = await factory.Database.ConversationIdAsync("Shipping samples");
        var kickoff = await factory.Database.ConversationIdAsync("Catalogue wrap-up");

        await staff.PostFormAsync("/staff/messages", "/staff/messages?handler=Bulk", Bulk("MarkRead", samples, kickoff));
        var afterRead = await staff.GetPageAsync("/staff/messages");
        await staff.PostFormAsync("/staff/messages", "/staff/messages?handler=Bulk", Bulk("MarkUnread", samples));
        var afterUnread = await staff.GetPageAsync("/staff/messages");

        static bool Unread(AngleSharp.Html.Dom.IHtmlDocument page, long id) =>
            page.QuerySelector($"[data-testid=conversation-row][data-conversation-id='{id}'] [data-testid=conversation-unread]") is not null;
        Assert.False(Unread(afterRead, samples));
        Assert.False(Unread(afterRead, kickoff));
        Assert.True(Unread(afterUnread, samples));
        Assert.False(Unread(afterUnread, kickoff));
    }

    [Fact]
    public async Task AMutedConversationShowsTheMutedIconAndStaysInTheList()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Shipping samples");

        var response = await client.PostFormAsync($"/portal/messages/{id}", "/portal/messages?handler=Bulk",
            new() { ["ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["bulkAction"] = "Mute", ["returnUrl"] = $"/portal/messages/{id}" });

        Assert.Equal($"/portal/messages/{id}", response.Headers.Location?.ToString());
        var list = await client.GetPageAsync("/portal/messages");
        Assert.NotNull(list.QuerySelector($"[data-testid=conversation-row][data-conversation-id='{id}'] [data-testid=conversation-muted]"));
        Assert.True(await FlagAsync(id, Demo.Client2, "is_muted"));

        var thread = await client.GetPageAsync($"/portal/messages/{id}");
        Assert.NotNull(thread.QuerySelector("[data-testid=conversation-action-unmute]"));
    }

    [Fact]
    public async Task AReturnUrlOutsideTheMessagesAreaIsIgnored()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Shipping samples");

        var response = await client.PostFormAsync("/portal/messages", "/portal/messages?handler=Bulk",
            new() { ["ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["bulkAction"] = "Unmute", ["returnUrl"] = "https://evil.example/" });

        Assert.Equal("/portal/messages?p=1", response.Headers.Location?.ToString());
    }
}
