using System.Net;
using System.Net.Http.Headers;
using Messaging.Core.Access;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;

namespace Messaging.Tests.Access;

/// <summary>The members admin: adding people with an activation link, roles, single permissions, deactivation.</summary>
public sealed class MembersAdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static Dictionary<string, string> Reply(string body) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    private static Task<HttpResponseMessage> AddAsync(PortalClient admin, Dictionary<string, string> fields) =>
        admin.PostFormAsync("/admin/members", "/admin/members?handler=Add", fields);

    private static Task<HttpResponseMessage> MemberPostAsync(PortalClient admin, long id, string handler, Dictionary<string, string>? fields = null) =>
        admin.PostFormAsync("/admin/members", $"/admin/members/{id}?handler={handler}", fields ?? []);

    private static Task<HttpResponseMessage> SetPermissionAsync(PortalClient admin, long id, string permission, string setting) =>
        MemberPostAsync(admin, id, "Permission", new() { ["permission"] = permission, ["setting"] = setting });

    private Task<long> MemberCountAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM members");

    [Fact]
    public async Task AnAddedClientSetsAPasswordThroughTheActivationLinkOnceAndThenSignsIn()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        const string email = "new.client@example.test";

        var added = await AddAsync(admin, new() { ["Input.Email"] = email, ["Input.DisplayName"] = "Nora New", ["Input.Kind"] = "Client" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/admin/members", added.Headers.Location?.OriginalString);
        var list = await admin.GetPageAsync("/admin/members");
        var link = list.QuerySelector("[data-testid=activation-link]")?.GetAttribute("value");
        Assert.NotNull(link);
        var linkUri = new Uri(link);
        Assert.Equal("/account/activate", linkUri.AbsolutePath);
        Assert.Contains("uid=", linkUri.Query, StringComparison.Ordinal);
        Assert.Contains("token=", linkUri.Query, StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll("[data-testid=member-row]"), r => r.TextContent.Contains("Nora New", StringComparison.Ordinal));
        Assert.Equal("Client", await factory.Database.ScalarAsync<string>(
            $"SELECT m.kind FROM members m JOIN \"AspNetUsers\" u ON u.\"Id\" = m.user_id WHERE u.\"Email\" = '{email}'"));

        // The new person follows the link and sets a password.
        using (var newcomer = factory.NewClient())
        {
            var form = await newcomer.GetPageAsync(linkUri.PathAndQuery);
            var fields = new Dictionary<string, string>
            {
                ["Uid"] = form.QuerySelector("input[name=Uid]")!.GetAttribute("value")!,
                ["Token"] = form.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
                ["Password"] = "N0ra-new-Passw0rd!",
                ["Confirm"] = "N0ra-new-Passw0rd!",
            };
            var set = await newcomer.PostFormAsync(linkUri.PathAndQuery, "/account/activate", fields);
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.StartsWith("/account/login", set.Headers.Location?.OriginalString, StringComparison.Ordinal);

            await newcomer.SignInAsync(email, "N0ra-new-Passw0rd!");
            var start = await newcomer.GetAsync("/");
            Assert.Equal("/portal/messages", start.Headers.Location?.OriginalString);
            await newcomer.GetPageAsync("/portal/messages");
        }

        // The same link a second time is refused.
        using var again = factory.NewClient();
        var reused = await again.GetPageAsync(linkUri.PathAndQuery);
        var refused = await again.PostFormAsync(linkUri.PathAndQuery, "/account/activate", new()
        {
            ["Uid"] = reused.QuerySelector("input[name=Uid]")!.GetAttribute("value")!,
            ["Token"] = reused.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["Password"] = "Someone-else-1!",
            ["Confirm"] = "Someone-else-1!",
        });
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("not valid or was already used", page.QuerySelector("[data-testid=activate-error]")?.TextContent, StringComparison.Ordinal);
        using var withOldPassword = factory.NewClient();
        await withOldPassword.SignInAsync(email, "N0ra-new-Passw0rd!");
    }

    [Fact]
    public async Task AddingStaffWithoutARoleIsRefusedWithAMessage()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var before = await MemberCountAsync();

        var response = await AddAsync(admin, new() { ["Input.Email"] = "roleless@example.test", ["Input.DisplayName"] = "Rolf Roleless", ["Input.Kind"] = "Staff", ["Input.Role"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose a role for the staff member.", html, StringComparison.Ordinal);
        Assert.Equal(before, await MemberCountAsync());
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'roleless@example.test'"));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    [InlineData("two@@example.test")]
    public async Task AnInvalidEmailIsRefusedAndNothingIsCreated(string email)
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var before = await MemberCountAsync();
        var usersBefore = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM \"AspNetUsers\"");

        var response = await AddAsync(admin, new() { ["Input.Email"] = email, ["Input.DisplayName"] = "Ivy Invalid", ["Input.Kind"] = "Client" });
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Enter a valid email address.", page.QuerySelector("[data-testid=add-member-error]")?.TextContent);
        Assert.Equal(before, await MemberCountAsync());
        Assert.Equal(usersBefore, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM \"AspNetUsers\""));
    }

    [Fact]
    public async Task AddingSomeoneWhoIsAlreadyAMemberIsRefused()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var before = await MemberCountAsync();

        var response = await AddAsync(admin, new() { ["Input.Email"] = Demo.Client, ["Input.DisplayName"] = "Chloe Again", ["Input.Kind"] = "Client" });
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("already a member of this workspace", page.QuerySelector("[data-testid=add-member-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=activation-link]"));
        Assert.Equal(before, await MemberCountAsync());
    }

    [Fact]
    public async Task ACoordinatorMadeViewerLosesTheReplyFormAndCannotSendUntilMadeCoordinatorAgain()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var sam = await factory.SignInAsync(Demo.Staff);
        var samId = await factory.Database.MemberIdAsync(Demo.Staff);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        try
        {
            var demoted = await MemberPostAsync(admin, samId, "Role", new() { ["role"] = "Viewer" });
            Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
            Assert.Equal("Viewer", await factory.Database.ScalarAsync<string>($"SELECT role FROM members WHERE id = {samId}"));

            var before = await factory.Database.MessageCountAsync(kickoff);
            var thread = await sam.GetPageAsync($"/staff/messages/{kickoff}");
            Assert.Null(thread.QuerySelector("[data-testid=reply-form]"));
            Assert.NotNull(thread.QuerySelector("[data-testid=read-only-notice]"));
            var crafted = await sam.PostFormAsync($"/staff/messages/{kickoff}", $"/staff/messages/{kickoff}?handler=Reply", Reply("sent as a viewer"), htmx: true);
            var form = PortalClient.Parse(await crafted.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
            Assert.Contains("do not have permission to send", form.QuerySelector("[data-testid=reply-error]")?.TextContent, StringComparison.Ordinal);
            Assert.Equal(before, await factory.Database.MessageCountAsync(kickoff));

            var restored = await MemberPostAsync(admin, samId, "Role", new() { ["role"] = "Coordinator" });
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
            Assert.NotNull((await sam.GetPageAsync($"/staff/messages/{kickoff}")).QuerySelector("[data-testid=reply-form]"));
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE members SET role = 'Coordinator' WHERE id = {samId}");
        }
    }

    [Fact]
    public async Task RevokingSendTakesAwayTheReplyFormAndRefusesACraftedPostUntilRoleDefault()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SetPermissionAsync(admin, chloeId, "messages.send", "Revoke")).StatusCode);
            Assert.False(await factory.Database.ScalarAsync<bool>($"SELECT granted FROM member_permissions WHERE member_id = {chloeId} AND permission = 'messages.send'"));

            var before = await factory.Database.MessageCountAsync(invoice);
            var thread = await chloe.GetPageAsync($"/portal/messages/{invoice}");
            Assert.Null(thread.QuerySelector("[data-testid=reply-form]"));
            Assert.NotNull(thread.QuerySelector("[data-testid=read-only-notice]"));
            var crafted = await chloe.PostFormAsync($"/portal/messages/{invoice}", $"/portal/messages/{invoice}?handler=Reply", Reply("sent without the right"), htmx: true);
            var form = PortalClient.Parse(await crafted.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
            Assert.Contains("do not have permission to send", form.QuerySelector("[data-testid=reply-error]")?.TextContent, StringComparison.Ordinal);
            var plain = await chloe.PostFormAsync($"/portal/messages/{invoice}", $"/portal/messages/{invoice}?handler=Reply", Reply("sent without the right"));
            Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
            Assert.NotNull(PortalClient.Parse(await plain.Content.ReadAsStringAsync()).QuerySelector("[data-testid=read-only-notice]"));
            Assert.Equal(before, await factory.Database.MessageCountAsync(invoice));

            Assert.Equal(HttpStatusCode.Redirect, (await SetPermissionAsync(admin, chloeId, "messages.send", "RoleDefault")).StatusCode);
            Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM member_permissions WHERE member_id = {chloeId}"));
            Assert.NotNull((await chloe.GetPageAsync($"/portal/messages/{invoice}")).QuerySelector("[data-testid=reply-form]"));
        }
        finally
        {
            await factory.Database.ExecuteAsync($"DELETE FROM member_permissions WHERE member_id = {chloeId}");
        }
    }

    [Fact]
    public async Task RevokingViewHidesTheMessagesPagesAndNavLinkUntilRoleDefault()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        const string navLink = "nav.mainnav a[href='/portal/messages']";
        try
        {
            Assert.NotNull((await chloe.GetPageAsync("/account/preferences")).QuerySelector(navLink));

            Assert.Equal(HttpStatusCode.Redirect, (await SetPermissionAsync(admin, chloeId, "messages.view", "Revoke")).StatusCode);

            await chloe.GetPageAsync("/portal/messages", HttpStatusCode.NotFound);
            await chloe.GetPageAsync($"/portal/messages/{invoice}", HttpStatusCode.NotFound);
            Assert.Null((await chloe.GetPageAsync("/account/preferences")).QuerySelector(navLink));

            Assert.Equal(HttpStatusCode.Redirect, (await SetPermissionAsync(admin, chloeId, "messages.view", "RoleDefault")).StatusCode);
            await chloe.GetPageAsync("/portal/messages");
            Assert.NotNull((await chloe.GetPageAsync("/account/preferences")).QuerySelector(navLink));
        }
        finally
        {
            await factory.Database.ExecuteAsync($"DELETE FROM member_permissions WHERE member_id = {chloeId}");
        }
    }

    [Fact]
    public async Task AViewerCannotBeGrantedSend()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var vicId = await factory.Database.MemberIdAsync(Demo.Viewer);

        var response = await SetPermissionAsync(admin, vicId, "messages.send", "Grant");
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("A Viewer reads but never sends", page.QuerySelector("[data-testid=member-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM member_permissions WHERE member_id = {vicId}"));
    }

    [Fact]
    public async Task AnAdminCannotChangeTheirOwnRolePermissionsOrStatus()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var adaId = await factory.Database.MemberIdAsync(Demo.Admin);

        var attempts = new[]
        {
            await MemberPostAsync(admin, adaId, "Role", new() { ["role"] = "Viewer" }),
            await SetPermissionAsync(admin, adaId, "messages.send", "Revoke"),
            await MemberPostAsync(admin, adaId, "Deactivate"),
        };

        foreach (var response in attempts)
        {
            var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("cannot change your own role, permissions or status", page.QuerySelector("[data-testid=member-error]")?.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("Admin", await factory.Database.ScalarAsync<string>($"SELECT role FROM members WHERE id = {adaId}"));
        Assert.True(await factory.Database.ScalarAsync<bool>($"SELECT is_active FROM members WHERE id = {adaId}"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM member_permissions WHERE member_id = {adaId}"));
    }

    [Fact]
    public async Task UnknownAndForeignMemberIdsAnswer404()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var (_, _, foreignMember) = await factory.Database.AddForeignWorkspaceAsync();

        foreach (var id in new[] { 987_654_321L, foreignMember })
        {
            await admin.GetPageAsync($"/admin/members/{id}", HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.NotFound, (await MemberPostAsync(admin, id, "Role", new() { ["role"] = "Viewer" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SetPermissionAsync(admin, id, "messages.send", "Revoke")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await MemberPostAsync(admin, id, "Deactivate")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await MemberPostAsync(admin, id, "ActivationLink")).StatusCode);
        }

        Assert.Equal("Admin", await factory.Database.ScalarAsync<string>($"SELECT role FROM members WHERE id = {foreignMember}"));
        Assert.True(await factory.Database.ScalarAsync<bool>($"SELECT is_active FROM members WHERE id = {foreignMember}"));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM member_permissions WHERE member_id = {foreignMember}"));
    }

    [Fact]
    public async Task ADeactivatedClientIsSignedOutAtOnceCannotSignInAndKeepsTheirNameOnPastMessages()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var chloeId = await factory.Database.MemberIdAsync(Demo.Client);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await using var stream = await SseReader.OpenAsync(chloe.Http, "/events");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));
        try
        {
            var deactivated = await MemberPostAsync(admin, chloeId, "Deactivate");
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
            Assert.False(await factory.Database.ScalarAsync<bool>($"SELECT is_active FROM members WHERE id = {chloeId}"));

            // The open session ends at its next request, and the open event stream is closed by the server.
            var next = await chloe.GetAsync("/portal/messages");
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            Assert.Contains("/account/login", next.Headers.Location?.ToString(), StringComparison.Ordinal);
            Assert.True(await stream.WaitForCloseAsync(Wait), "Chloe's event stream stayed open after deactivation");
            Assert.Equal(HttpStatusCode.Redirect, (await chloe.GetAsync("/portal/messages")).StatusCode);

            // Signing in again is refused with a clear message.
            using var again = factory.NewClient();
            var login = await again.PostFormAsync("/account/login", "/account/login", new() { ["Input.Email"] = Demo.Client, ["Input.Password"] = PortalClient.Password });
            var loginPage = PortalClient.Parse(await login.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
            Assert.StartsWith("This account has been deactivated", loginPage.QuerySelector("[data-testid=login-error]")?.TextContent, StringComparison.Ordinal);

            // Her past messages keep her name.
            var thread = await sam.GetPageAsync($"/staff/messages/{moodboard}");
            var hers = thread.QuerySelectorAll("[data-testid=message]")
                .Single(m => m.QuerySelector("[data-testid=message-body]")!.TextContent.Contains("less stock photography", StringComparison.Ordinal));
            Assert.Equal("Chloe Client", hers.QuerySelector(".msg-author")?.TextContent);

            var reactivated = await MemberPostAsync(admin, chloeId, "Reactivate");
            Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
            using var back = await factory.SignInAsync(Demo.Client);
            await back.GetPageAsync("/portal/messages");
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE members SET is_active = true WHERE id = {chloeId}");
        }
    }

    [Fact]
    public async Task ADeactivatedMembersEventStreamCannotBeReopened()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.AddMemberAsync("leaver@example.test", "Leo Leaver", MemberKind.Client, null);
        using var leaver = await factory.SignInAsync("leaver@example.test");

        Assert.Equal(HttpStatusCode.Redirect, (await MemberPostAsync(admin, id, "Deactivate")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await leaver.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
    [Fact]
    public async Task AGrantedPermissionDoesNotSurviveADemotionToViewer()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.AddMemberAsync("granted@example.test", "Greta Granted", MemberKind.Staff, StaffRole.Coordinator, ("Spring Campaign", Messaging.Core.Projects.ProjectRelation.Team));
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        using var greta = await factory.SignInAsync("granted@example.test");

        Assert.Equal(HttpStatusCode.Redirect, (await SetPermissionAsync(admin, id, "messages.send", "Grant")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MemberPostAsync(admin, id, "Role", new() { ["role"] = "Viewer" })).StatusCode);

        var detail = await admin.GetPageAsync($"/admin/members/{id}");
        var sendRow = detail.QuerySelectorAll("[data-testid=permission-row]").Single(r => r.GetAttribute("data-permission") == "messages.send");
        var before = await factory.Database.MessageCountAsync(kickoff);
        var thread = await greta.GetPageAsync($"/staff/messages/{kickoff}");
        var crafted = await greta.PostFormAsync($"/staff/messages/{kickoff}", $"/staff/messages/{kickoff}?handler=Reply", Reply("viewer with an old grant"), htmx: true);

        Assert.Contains("Not allowed", sendRow.TextContent, StringComparison.Ordinal);
        Assert.Null(thread.QuerySelector("[data-testid=reply-form]"));
        Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
        Assert.Equal(before, await factory.Database.MessageCountAsync(kickoff));
    }
}
