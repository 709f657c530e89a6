using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;

namespace Messaging.Tests.ConversationState;

/// <summary>"Seen" in direct conversations, "Seen by ..." in groups, derived from read pointers; the workspace switch turns them off.</summary>
public sealed class ReadReceiptTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Reply(string body) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    private static async Task<AngleSharp.Dom.IElement?> ReceiptAsync(PortalClient client, string threadUrl)
    {
        var response = await client.GetAsync($"{threadUrl}?handler=Receipts", htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=read-receipt]");
    }

    [Fact]
    public async Task InADirectConversationTheAuthorSeesSeenWithTheTimeOnceTheOtherPersonOpensTheThread()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("Did you get my question?"));

        var before = await ReceiptAsync(client, $"/portal/messages/{id}");
        await admin.GetPageAsync($"/staff/messages/{id}");
        var after = await ReceiptAsync(client, $"/portal/messages/{id}");

        Assert.Equal("Sent", before!.TextContent.Trim());
        Assert.Equal("true", after!.GetAttribute("data-seen"));
        Assert.StartsWith("Seen", after.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("time[datetime]"));
        // The reader sees no receipt: the newest message is not theirs.
        Assert.Null(await ReceiptAsync(admin, $"/staff/messages/{id}"));
    }

    [Fact]
    public async Task InAGroupTheAuthorSeesTheNamesOfThoseWhoHaveSeenTheirMessage()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("New moodboard is up"));

        await client.GetPageAsync($"/portal/messages/{id}");
        var receipt = await ReceiptAsync(staff, $"/staff/messages/{id}");

        Assert.Equal("Seen by Chloe Client", receipt!.TextContent.Trim());
    }

    [Fact]
    public async Task WithReceiptsSwitchedOffNobodySeesThemAndTheChangeIsAudited()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var client2 = await factory.SignInAsync(Demo.Client2);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("Timeline attached"));
        await client2.GetPageAsync($"/portal/messages/{id}");
        Assert.NotNull(await ReceiptAsync(staff, $"/staff/messages/{id}"));

        var off = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Receipts", new() { ["readReceipts"] = "false" });
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
            Assert.Null(await ReceiptAsync(staff, $"/staff/messages/{id}"));
            var thread = await staff.GetPageAsync($"/staff/messages/{id}");
            Assert.Null(thread.QuerySelector("[data-testid=read-receipt]"));
            var settings = await admin.GetPageAsync("/admin/settings");
            Assert.Null(settings.QuerySelector("[data-testid=read-receipts-toggle]")!.GetAttribute("checked"));
            Assert.Equal(1L, await factory.Database.ScalarAsync<long>(
                "SELECT count(*) FROM audit_entries WHERE action = 'setting.change' AND detail = 'read receipts: on → off'"));
        }
        finally
        {
            await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Receipts", new() { ["readReceipts"] = "true" });
        }

        Assert.NotNull(await ReceiptAsync(staff, $"/staff/messages/{id}"));
    }

    [Fact]
    public async Task AnInternalNoteSendsClientsNoReadNudgeButStaffGetOne()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var url = $"/staff/messages/{id}";
        var token = (await staff.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await using var clientStream = await SseReader.OpenAsync(client.Http, "/events");
        await using var adminStream = await SseReader.OpenAsync(admin.Http, "/events");
        Assert.NotNull(await clientStream.WaitForAsync(e => e.Type == "ready", TimeSpan.FromSeconds(10)));
        Assert.NotNull(await adminStream.WaitForAsync(e => e.Type == "ready", TimeSpan.FromSeconds(10)));

        using var note = new HttpRequestMessage(HttpMethod.Post, $"{url}?handler=Note")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Body"] = "Staff-only thought",
                ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
                ["__RequestVerificationToken"] = token,
            }),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Http.SendAsync(note)).StatusCode);

        Assert.NotNull(await adminStream.WaitForAsync(e => e.Type == $"read-{id}", TimeSpan.FromSeconds(10)));
        Assert.Null(await clientStream.WaitForAsync(e => e.Type == $"read-{id}" || e.Type == $"conversation-{id}", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task OnlyAnAdminMaySwitchReceiptsOff()
    {
        using var manager = await factory.SignInAsync(Demo.Manager);

        var response = await manager.PostFormAsync("/staff/messages", "/admin/settings?handler=Receipts", new() { ["readReceipts"] = "false" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await factory.Database.ScalarAsync<bool>("SELECT bool_and(read_receipts_enabled) FROM workspaces"));
    }
}
