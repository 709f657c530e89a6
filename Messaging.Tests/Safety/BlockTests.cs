using System.Net;
using Messaging.Tests.Infrastructure;
using static Messaging.Tests.Safety.Safety;

namespace Messaging.Tests.Safety;

/// <summary>Blocking: new conversations and messages from the blocked member are refused, and unblocking restores them.</summary>
public sealed class BlockTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.Database.ExecuteAsync("DELETE FROM member_blocks");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A group thread Sam starts with both clients (they share no conversation in the demo data).</summary>
    private async Task<long> SharedThreadAsync(string subject)
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var chloe = await factory.Database.MemberIdAsync(Demo.Client);
        var carlos = await factory.Database.MemberIdAsync(Demo.Client2);
        AssertRedirect(await StaffStartAsync(staff, subject, chloe, carlos));
        return await factory.Database.ConversationIdAsync(subject);
    }

    [Fact]
    public async Task ABlockedMembersReplyIsRefusedWithAClearMessageAndNothingIsStoredUntilUnblocked()
    {
        var thread = await SharedThreadAsync("Both clients, reply");
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);

        var blocked = await BlockAsync(carlos, chloeId);
        AssertRedirect(blocked);
        var preferences = await carlos.GetPageAsync(blocked.Headers.Location!.OriginalString);
        Assert.Contains("You blocked Chloe Client.", preferences.QuerySelector("[data-testid=preferences-saved]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Chloe Client", preferences.QuerySelector("[data-testid=blocked-row] span")!.TextContent);

        var before = await factory.Database.MessageCountAsync(thread);
        var refused = await ReplyAsync(chloe, "/portal/messages", thread, "Are you there, Carlos?");
        var refusedHtmx = await ReplyAsync(chloe, "/portal/messages", thread, "Are you there, Carlos?", htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Your message can't be delivered to Carlos Client.", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedHtmx.StatusCode);
        var form = PortalClient.Parse(await refusedHtmx.Content.ReadAsStringAsync());
        Assert.Equal("Your message can't be delivered to Carlos Client.", form.QuerySelector("[data-testid=reply-error]")!.TextContent);
        Assert.Equal("Are you there, Carlos?", form.QuerySelector("[data-testid=reply-body]")!.TextContent);
        Assert.Equal(before, await factory.Database.MessageCountAsync(thread));

        // The block is one-way: the blocker still writes to the thread.
        AssertRedirect(await ReplyAsync(carlos, "/portal/messages", thread, "I can still post here."));

        AssertRedirect(await UnblockAsync(carlos, chloeId));
        AssertRedirect(await ReplyAsync(chloe, "/portal/messages", thread, "Hello again, Carlos."));
        Assert.Equal(before + 2, await factory.Database.MessageCountAsync(thread));
        Assert.Empty((await carlos.GetPageAsync("/account/preferences")).QuerySelectorAll("[data-testid=blocked-row]"));
    }

    [Fact]
    public async Task StartingAConversationWithSomeoneWhoBlockedYouIsRefusedUntilUnblocked()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var spring = await factory.Database.ProjectIdAsync("Spring Campaign");

        AssertRedirect(await BlockAsync(staff, chloeId));

        var refused = await ClientStartAsync(chloe, spring, sam, "Blocked start");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Sam Staff can't receive messages from you.", await TextAsync(refused), StringComparison.Ordinal);

        var own = await StaffStartAsync(staff, "Blocker starts", chloeId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("You have blocked Chloe Client.", await TextAsync(own), StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE subject IN ('Blocked start', 'Blocker starts')"));

        AssertRedirect(await UnblockAsync(staff, chloeId));
        AssertRedirect(await ClientStartAsync(chloe, spring, sam, "Blocked start"));
        Assert.Equal(1L, await factory.Database.ConversationCountAsync("Blocked start"));
    }

    [Fact]
    public async Task ClientsCannotBlockStaffAndNobodyCanBlockAnAdmin()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);
        var ada = await factory.Database.MemberIdAsync(Demo.Admin);

        var clientBlocksStaff = await BlockAsync(chloe, sam);
        var staffBlocksAdmin = await BlockAsync(staff, ada);

        Assert.Equal(HttpStatusCode.Forbidden, clientBlocksStaff.StatusCode);
        Assert.Contains("Sam Staff is on the team of your projects and can't be blocked.", await TextAsync(clientBlocksStaff), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, staffBlocksAdmin.StatusCode);
        Assert.Contains("Ada Admin is an administrator and can't be blocked.", await TextAsync(staffBlocksAdmin), StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM member_blocks"));
    }

    [Fact]
    public async Task BlockingYourselfAnUnknownOrAForeignMemberIsNotFound()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var self = await factory.Database.MemberIdAsync(Demo.Client);
        var foreign = await factory.Database.ForeignMemberIdAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await BlockAsync(chloe, self)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BlockAsync(chloe, 987654321)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await BlockAsync(chloe, foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UnblockAsync(chloe, foreign)).StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM member_blocks"));

        // And no form post without the antiforgery token.
        var carlos = await factory.Database.MemberIdAsync(Demo.Client2);
        var forged = await chloe.PostFormAsync("/account/preferences", "/account/preferences?handler=Block", new() { ["MemberId"] = Id(carlos) }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM member_blocks"));
    }

    [Fact]
    public async Task TheThreadOffersBlockOnlyForMembersYouMayBlock()
    {
        var thread = await SharedThreadAsync("Both clients, menu");
        using var carlos = await factory.SignInAsync(Demo.Client2);
        AssertRedirect(await ReplyAsync(carlos, "/portal/messages", thread, "Carlos says hi."));
        using var chloe = await factory.SignInAsync(Demo.Client);

        var page = await chloe.GetPageAsync($"/portal/messages/{Id(thread)}");
        var messages = page.QuerySelectorAll("[data-testid=message]");
        var bySam = messages.First(m => m.QuerySelector(".msg-author")!.TextContent == "Sam Staff");
        var byCarlos = messages.First(m => m.QuerySelector(".msg-author")!.TextContent == "Carlos Client");

        Assert.Null(bySam.QuerySelector("[data-testid=message-block]"));
        Assert.NotNull(bySam.QuerySelector("[data-testid=message-report]"));
        Assert.Equal("Block Carlos Client", byCarlos.QuerySelector("[data-testid=message-block]")!.TextContent);
        Assert.Equal($"/portal/messages/{Id(thread)}", byCarlos.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
    }
}
