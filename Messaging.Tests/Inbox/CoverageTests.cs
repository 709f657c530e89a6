using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Inbox;

/// <summary>Coverage (issue 9): an absence routes the member's conversations to the cover meanwhile, and they return afterwards.</summary>
public sealed class CoverageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Day(int offset) => DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> SetAbsenceAsync(PortalClient who, string from, string to, long cover) =>
        who.PostFormAsync("/staff/absence", "/staff/absence", new() { ["StartsOn"] = from, ["EndsOn"] = to, ["CoverMemberId"] = InboxPosts.Str(cover) });

    [Fact]
    public async Task AnEndBeforeTheStartIsRefusedWithAClearMessage()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);

        var response = await SetAbsenceAsync(sam, Day(5), Day(2), await factory.Database.MemberIdAsync(Demo.Admin));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The absence ends before it starts: the last day must be on or after the first.", page.QuerySelector("[data-testid=absence-error]")!.TextContent);
        Assert.Equal(Day(5), page.QuerySelector("[data-testid=absence-start]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CoveringOneselfIsRefusedWithAClearMessage()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);

        var response = await SetAbsenceAsync(sam, Day(1), Day(2), await factory.Database.MemberIdAsync(Demo.Staff));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("You cannot cover for yourself: choose a teammate.",
            PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=absence-error]")!.TextContent);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM member_absences"));
    }

    [Fact]
    public async Task ACoverMustBeATeamMember()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);

        var response = await SetAbsenceAsync(sam, Day(1), Day(2), await factory.Database.MemberIdAsync(Demo.Client));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task DuringAnAbsenceTheConversationsAreTheCoversAndAfterwardsTheyReturn()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var samId = await factory.Database.MemberIdAsync(Demo.Staff);
        var adaId = await factory.Database.MemberIdAsync(Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        await manager.AssignAsync(id, samId);
        Assert.Contains("Launch timeline", await sam.InboxSubjectsAsync("view=Mine"));

        Assert.Equal(HttpStatusCode.Redirect, (await SetAbsenceAsync(sam, Day(0), Day(3), adaId)).StatusCode);

        Assert.DoesNotContain("Launch timeline", await sam.InboxSubjectsAsync("view=Mine"));
        Assert.Contains("Launch timeline", await admin.InboxSubjectsAsync("view=Mine"));
        Assert.Contains("Launch timeline", await admin.InboxSubjectsAsync($"view=All&assignee={adaId}"));
        var row = (await admin.GetPageAsync("/staff/inbox?view=Mine")).QuerySelectorAll("[data-testid=inbox-row]")
            .Single(r => r.TextContent.Contains("Launch timeline", StringComparison.Ordinal));
        Assert.Contains("Ada Admin (covering for Sam Staff)", row.QuerySelector("[data-testid=assignee]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(samId, await factory.Database.ScalarAsync<long>($"SELECT assigned_member_id FROM conversations WHERE id = {id}")); // no row rewritten

        // The absence ends (moved into the past, as time passing would): the conversation is Sam's again.
        await factory.Database.ExecuteAsync("UPDATE member_absences SET starts_on = current_date - 5, ends_on = current_date - 1");
        Assert.Contains("Launch timeline", await sam.InboxSubjectsAsync("view=Mine"));
        Assert.DoesNotContain("Launch timeline", await admin.InboxSubjectsAsync("view=Mine"));
        await factory.Database.ExecuteAsync("DELETE FROM member_absences");
    }

    [Fact]
    public async Task NoOutOfOfficeTextIsSentUnlessTheWorkspaceTurnsItOn()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var adminClient = await factory.SignInAsync(Demo.Admin);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await manager.AssignAsync(id, await factory.Database.MemberIdAsync(Demo.Staff));
        await SetAbsenceAsync(sam, Day(0), Day(1), await factory.Database.MemberIdAsync(Demo.Manager));
        try
        {
            await chloe.ReplyAsync("portal", id, "Anyone there?");
            Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {id} AND kind = 'OutOfOffice'"));

            var refused = await adminClient.PostFormAsync("/admin/settings", "/admin/settings?handler=Inbox",
                new() { ["staffReplySetsWaiting"] = "true", ["outOfOfficeEnabled"] = "true", ["outOfOfficeText"] = "" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var saved = await adminClient.PostFormAsync("/admin/settings", "/admin/settings?handler=Inbox",
                new() { ["staffReplySetsWaiting"] = "true", ["outOfOfficeEnabled"] = "true", ["outOfOfficeText"] = "We are away until Monday." });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            await chloe.ReplyAsync("portal", id, "Hello again?");
            await chloe.ReplyAsync("portal", id, "And again?");

            Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {id} AND kind = 'OutOfOffice'"));
            var clientThread = await chloe.GetPageAsync($"/portal/messages/{id}");
            Assert.Contains(clientThread.QuerySelectorAll("[data-testid=system-line]"),
                l => l.TextContent.Contains("Automatic reply for Sam Staff: We are away until Monday.", StringComparison.Ordinal));
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET out_of_office_enabled = false; DELETE FROM member_absences");
        }
    }
}
