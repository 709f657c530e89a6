using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Inbox;

/// <summary>Saved replies (issue 9): per member and per workspace, variables filled per conversation, unknown variables kept with a warning.</summary>
public sealed class SavedReplyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Task<HttpResponseMessage> SaveAsync(PortalClient who, string title, string body, bool shared = false) =>
        who.PostFormAsync("/staff/replies", "/staff/replies", new() { ["Title"] = title, ["Body"] = body, ["Shared"] = shared ? "true" : "false" });

    [Fact]
    public async Task AReplyWithAnUnknownVariableIsSavedAsTypedWithAWarning()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);

        var response = await SaveAsync(sam, "Order status", "Hi {{client.first_name}}, order {{order.number}} ships soon.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("{{order.number}}", page.QuerySelector("[data-testid=reply-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hi {{client.first_name}}, order {{order.number}} ships soon.",
            await factory.Database.ScalarAsync<string>("SELECT body FROM saved_replies WHERE title = 'Order status'"));
    }

    [Fact]
    public async Task ThePickerFillsTheVariablesForTheConversationAndLeavesUnknownOnesAsTyped()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        await SaveAsync(sam, "Greeting", "Hi {{client.first_name}}, {{staff.first_name}} here about {{project.name}} {{mystery}}.");
        var id = await factory.Database.ConversationIdAsync("Launch timeline");

        var response = await sam.GetAsync($"/staff/inbox/{id}?handler=Replies", htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var options = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid=saved-reply-option]");
        Assert.Contains(options, o => o.GetAttribute("data-body") == "Hi Carlos, Sam here about Product Launch {{mystery}}.");
    }

    [Fact]
    public async Task WorkspaceRepliesAreForManagersToSaveAndEveryStaffMemberToUse()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var admin = await factory.SignInAsync(Demo.Admin);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(manager, "Team thanks", "Thanks from the whole team!", shared: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(sam, "Sam shares", "Not allowed", shared: true)).StatusCode);
        await SaveAsync(sam, "Sam private", "Only mine");

        var adminReplies = (await admin.GetPageAsync("/staff/replies")).QuerySelectorAll("[data-testid=saved-reply] .conv-subject").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Team thanks (team)", adminReplies);
        Assert.DoesNotContain(adminReplies, r => r.StartsWith("Sam private", StringComparison.Ordinal));
        var samsReply = await factory.Database.ScalarAsync<long>("SELECT id FROM saved_replies WHERE title = 'Sam private'");
        var deleteOthers = await admin.PostFormAsync("/staff/replies", "/staff/replies?handler=Delete", new() { ["replyId"] = InboxPosts.Str(samsReply) });
        Assert.Equal(HttpStatusCode.NotFound, deleteOthers.StatusCode);
    }

    [Fact]
    public async Task AnEmptyReplyIsRefusedWithAMessageAndClientsCannotReachThePicker()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");

        var empty = await SaveAsync(sam, "", "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.NotEmpty(PortalClient.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("[data-testid=saved-reply-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/staff/inbox/{id}?handler=Replies", htmx: true)).StatusCode);
        var (foreign, _, _) = await factory.Database.AddForeignWorkspaceAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync($"/staff/inbox/{foreign}?handler=Replies", htmx: true)).StatusCode);
    }
}
