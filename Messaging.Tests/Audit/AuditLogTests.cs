using System.Net;
using Messaging.Core.Audit;
using Messaging.Tests.Infrastructure;
using Npgsql;

namespace Messaging.Tests.Audit;

/// <summary>What the audit log records, what the admin page shows, and that nobody can rewrite it.</summary>
public sealed class AuditLogTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Reply(string body, Guid key) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = key.ToString() };

    private Task<long> CountAsync(string where) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE {where}");

    private Task<long> WorkspaceIdAsync() =>
        factory.Database.ScalarAsync<long>($"SELECT workspace_id FROM members WHERE id = (SELECT m.id FROM members m JOIN \"AspNetUsers\" u ON u.\"Id\" = m.user_id WHERE u.\"Email\" = '{Demo.Admin}')");

    [Fact]
    public async Task SignInAndFailedSignInAreRecordedWithTheClientAddress()
    {
        var staffId = await factory.Database.MemberIdAsync(Demo.Staff);
        var viewerId = await factory.Database.MemberIdAsync(Demo.Viewer);
        using var browser = factory.NewClient();
        browser.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "203.0.113.7");

        await browser.SignInAsync(Demo.Staff);
        await browser.PostFormAsync("/account/login", "/account/login", new() { ["Input.Email"] = Demo.Viewer, ["Input.Password"] = "not-it" });
        await browser.PostFormAsync("/account/login", "/account/login", new() { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "not-it" });

        Assert.Equal(1, await CountAsync($"action = '{AuditActions.SignIn}' AND actor_member_id = {staffId} AND ip_address = '203.0.113.7' AND workspace_id IS NOT NULL"));
        Assert.Equal(1, await CountAsync($"action = '{AuditActions.SignInFailed}' AND actor_member_id IS NULL AND actor_label = '{Demo.Viewer}' AND object_id = '{viewerId}' AND detail = 'wrong password' AND ip_address = '203.0.113.7' AND workspace_id IS NOT NULL"));
        Assert.Equal(1, await CountAsync($"action = '{AuditActions.SignInFailed}' AND actor_label = 'nobody@example.org' AND workspace_id IS NULL AND ip_address = '203.0.113.7'"));
    }

    [Fact]
    public async Task SendingAMessageRecordsOneEntryEvenWhenTheSameSendIsRepeated()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var clientId = await factory.Database.MemberIdAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var key = Guid.NewGuid();

        var first = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("Audited once", key));
        var again = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("Audited once", key));
        var messageId = await factory.Database.ScalarAsync<long>($"SELECT id FROM messages WHERE idempotency_key = '{key}'");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await CountAsync($"action = '{AuditActions.MessageSend}' AND object_type = 'message' AND object_id = '{messageId}'"));
        Assert.Equal(1, await CountAsync($"action = '{AuditActions.MessageSend}' AND actor_member_id = {clientId} AND object_id = '{messageId}' AND ip_address = '127.0.0.1'"));
    }

    [Fact]
    public async Task StartingAConversationRecordsItsFirstMessageOnce()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var colleague = await factory.Database.MemberIdAsync(Demo.Admin);
        var key = Guid.NewGuid();
        var fields = new Dictionary<string, string>
        {
            ["Subject"] = "Audited start",
            ["Body"] = "First words",
            ["ParticipantIds"] = colleague.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IdempotencyKey"] = key.ToString(),
        };

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/staff/messages/new", "/staff/messages/new", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/staff/messages/new", "/staff/messages/new", fields)).StatusCode);
        var messageId = await factory.Database.ScalarAsync<long>($"SELECT id FROM messages WHERE idempotency_key = '{key}'");

        Assert.Equal(1, await CountAsync($"action = '{AuditActions.MessageSend}' AND object_id = '{messageId}'"));
    }

    [Fact]
    public async Task SwitchingTheMessagesModuleRecordsTheSettingChange()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var adminId = await factory.Database.MemberIdAsync(Demo.Admin);

        await admin.PostFormAsync("/admin/settings", "/admin/settings", []);
        await admin.PostFormAsync("/admin/settings", "/admin/settings", new() { ["MessagesEnabled"] = "true" });
        await admin.PostFormAsync("/admin/settings", "/admin/settings", new() { ["MessagesEnabled"] = "true" });

        Assert.Equal(1, await CountAsync($"action = '{AuditActions.SettingChange}' AND actor_member_id = {adminId} AND detail = 'messages module: on → off'"));
        Assert.Equal(1, await CountAsync($"action = '{AuditActions.SettingChange}' AND actor_member_id = {adminId} AND detail = 'messages module: off → on'"));
        Assert.Equal(2, await CountAsync($"action = '{AuditActions.SettingChange}'"));
    }

    [Fact]
    public async Task TheAuditPageFiltersByMemberActionAndDateWithinTheAdminsWorkspace()
    {
        var workspace = await WorkspaceIdAsync();
        var staffId = await factory.Database.MemberIdAsync(Demo.Staff);
        var viewerId = await factory.Database.MemberIdAsync(Demo.Viewer);
        await factory.Database.ExecuteAsync($"""
            INSERT INTO audit_entries (workspace_id, actor_member_id, action, object_type, object_id, detail, ip_address, occurred_at) VALUES
              ({workspace}, {staffId}, 'export', 'conversation', '1', 'filter-jan-start', '198.51.100.1', '2020-01-01T00:00:00Z'),
              ({workspace}, {staffId}, 'export', 'conversation', '2', 'filter-jan-end', '198.51.100.1', '2020-01-31T23:59:00Z'),
              ({workspace}, {viewerId}, 'export', 'conversation', '3', 'filter-feb', '198.51.100.2', '2020-02-01T00:00:00Z'),
              ({workspace}, {staffId}, 'file.download', 'attachment', '4', 'filter-download', '198.51.100.1', '2020-01-15T12:00:00Z'),
              ({workspace + 1000}, {staffId}, 'export', 'conversation', '5', 'filter-other-workspace', '198.51.100.9', '2020-01-10T00:00:00Z')
            """);
        using var admin = await factory.SignInAsync(Demo.Admin);

        static string[] Details(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("[data-testid=audit-entry] td:nth-child(5)").Select(td => td.TextContent).Where(t => t.StartsWith("filter-", StringComparison.Ordinal)).ToArray();

        var all = await admin.GetPageAsync("/admin/audit?from=2020-01-01&to=2020-12-31");
        var january = await admin.GetPageAsync("/admin/audit?from=2020-01-01&to=2020-01-31");
        var exports = await admin.GetPageAsync("/admin/audit?action=export&from=2020-01-01&to=2020-12-31");
        var byViewer = await admin.GetPageAsync($"/admin/audit?member={viewerId}");
        var newest = await admin.GetPageAsync("/admin/audit");

        Assert.Equal(["filter-feb", "filter-jan-end", "filter-download", "filter-jan-start"], Details(all));
        Assert.Equal(["filter-jan-end", "filter-download", "filter-jan-start"], Details(january));
        Assert.Equal(["filter-feb", "filter-jan-end", "filter-jan-start"], Details(exports));
        Assert.Equal(["filter-feb"], Details(byViewer));
        Assert.All(byViewer.QuerySelectorAll("[data-testid=audit-actor]"), td => Assert.Equal("Vic Viewer", td.TextContent));
        var row = all.QuerySelector("[data-testid=audit-entry][data-action=export]")!;
        Assert.Equal("2020-02-01T00:00:00Z", row.QuerySelector("time")!.TextContent);
        Assert.Equal("198.51.100.2", row.QuerySelector("[data-testid=audit-ip]")!.TextContent);
        Assert.Equal(AuditActions.SignIn, newest.QuerySelector("[data-testid=audit-entry]")!.GetAttribute("data-action"));
        Assert.NotNull(newest.QuerySelector($"select[name=member] option[value='{viewerId}']"));
        Assert.NotNull(newest.QuerySelector($"select[name=action] option[value='{AuditActions.MemberDeactivate}']"));
        Assert.NotNull(newest.QuerySelector("a[href='/admin/audit'][data-testid=nav-audit]"));
    }

    [Fact]
    public async Task TheAuditPageShowsFiftyEntriesAPage()
    {
        var workspace = await WorkspaceIdAsync();
        await factory.Database.ExecuteAsync($"""
            INSERT INTO audit_entries (workspace_id, action, detail, occurred_at)
            SELECT {workspace}, 'export', 'paging-' || i, TIMESTAMPTZ '2019-06-01T00:00:00Z' + i * INTERVAL '1 minute' FROM generate_series(1, 60) AS i
            """);
        using var admin = await factory.SignInAsync(Demo.Admin);

        var first = await admin.GetPageAsync("/admin/audit?from=2019-06-01&to=2019-06-01");
        var second = await admin.GetPageAsync("/admin/audit?from=2019-06-01&to=2019-06-01&p=2");

        Assert.Equal(50, first.QuerySelectorAll("[data-testid=audit-entry]").Length);
        Assert.Equal("paging-60", first.QuerySelector("[data-testid=audit-entry] td:nth-child(5)")!.TextContent);
        Assert.Equal("/admin/audit?from=2019-06-01&to=2019-06-01&p=2", first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href"));
        Assert.Equal(10, second.QuerySelectorAll("[data-testid=audit-entry]").Length);
    }

    [Theory]
    [InlineData(Demo.Staff)]
    [InlineData(Demo.Client)]
    public async Task OnlyAdminsReachTheAuditLog(string email)
    {
        using var someone = await factory.SignInAsync(email);

        var response = await someone.GetAsync("/admin/audit");
        var home = await someone.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/admin/audit", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET detail = 'rewritten'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task TheDatabaseRefusesToChangeOrRemoveAuditEntries(string sql)
    {
        var detail = $"keep me {Guid.NewGuid():N}";
        await factory.Database.ExecuteAsync($"INSERT INTO audit_entries (action, detail, occurred_at) VALUES ('export', '{detail}', now())");

        var error = await Assert.ThrowsAsync<PostgresException>(() => factory.Database.ExecuteAsync(sql));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync($"detail = '{detail}'"));
    }
}
