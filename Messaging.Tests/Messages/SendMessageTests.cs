using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Messages;

/// <summary>Replying in a thread, through the real form and the htmx fragment.</summary>
public sealed class SendMessageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(PortalClient Client, long Id)> ClientInInvoiceThreadAsync()
    {
        var client = await factory.SignInAsync(Demo.Client);
        return (client, await factory.Database.ConversationIdAsync("Invoice question"));
    }

    private static Dictionary<string, string> Reply(string body, Guid? key = null) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = (key ?? Guid.NewGuid()).ToString() };

    [Fact]
    public async Task AReplyIsStoredAndShownInTheThread()
    {
        var (client, id) = await ClientInInvoiceThreadAsync();
        using var _ = client;

        var response = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("Thanks, received the invoice."));
        var thread = await client.GetPageAsync($"/portal/messages/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Thanks, received the invoice.", thread.QuerySelectorAll("[data-testid=message-body]")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmxReplyReturnsAnEmptyFormAndAsksTheThreadToRefresh()
    {
        var (client, id) = await ClientInInvoiceThreadAsync();
        using var _ = client;

        var response = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("Via htmx"), htmx: true);
        var form = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("messages-changed", response.Headers.GetValues("HX-Trigger"));
        Assert.Equal("", form.QuerySelector("[data-testid=reply-body]")!.TextContent);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task AnEmptyMessageGetsAValidationMessageAndStoresNothing()
    {
        var (client, id) = await ClientInInvoiceThreadAsync();
        using var _ = client;
        var before = await factory.Database.MessageCountAsync(id);

        var response = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("   "), htmx: true);
        var form = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Write a message before sending.", form.QuerySelector("[data-testid=reply-error]")!.TextContent);
        Assert.Equal(before, await factory.Database.MessageCountAsync(id));
    }

    [Fact]
    public async Task AMessageOverTenThousandCharactersGetsAClearErrorAndKeepsTheText()
    {
        var (client, id) = await ClientInInvoiceThreadAsync();
        using var _ = client;
        var before = await factory.Database.MessageCountAsync(id);

        var response = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply(new string('z', 10_001)));
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 10,000 characters", page.QuerySelector("[data-testid=reply-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10_001, page.QuerySelector("[data-testid=reply-body]")!.TextContent.Length);
        Assert.Equal(before, await factory.Database.MessageCountAsync(id));
    }

    [Fact]
    public async Task HtmlTypedIntoAMessageShowsAsText()
    {
        var (client, id) = await ClientInInvoiceThreadAsync();
        using var _ = client;

        await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("<script>alert('pwned')</script><b>bold?</b>"));
        var html = await (await client.GetAsync($"/portal/messages/{id}")).Content.ReadAsStringAsync();
        var body = PortalClient.Parse(html).QuerySelectorAll("[data-testid=message-body]")[^1];

        Assert.DoesNotContain("<script>alert('pwned')", html, StringComparison.Ordinal);
        Assert.Empty(body.QuerySelectorAll("script, b"));
        Assert.Contains("<script>alert('pwned')</script><b>bold?</b>", body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetriedSendWithTheSameIdempotencyKeyStoresOneMessage()
    {
        var (client, id) = await ClientInInvoiceThreadAsync();
        using var _ = client;
        var before = await factory.Database.MessageCountAsync(id);
        var key = Guid.NewGuid();

        var sends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", Reply("double click", key), htmx: true)));

        Assert.All(sends, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        Assert.Equal(before + 1, await factory.Database.MessageCountAsync(id));
    }

    [Fact]
    public async Task AViewerSeesNoReplyFormAndACraftedPostIsRefusedWithAClearMessage()
    {
        using var viewer = await factory.SignInAsync(Demo.Viewer);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var before = await factory.Database.MessageCountAsync(id);

        var thread = await viewer.GetPageAsync($"/staff/messages/{id}");
        var response = await viewer.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("viewer speaking"), htmx: true);
        var form = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Null(thread.QuerySelector("[data-testid=reply-form]"));
        Assert.NotNull(thread.QuerySelector("[data-testid=read-only-notice]"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("do not have permission to send", form.QuerySelector("[data-testid=reply-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.MessageCountAsync(id));
    }

    [Fact]
    public async Task StaffInternalNotesAreStoredAsStaffOnlyAndAClientCannotPostOne()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");

        var note = await staff.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Note", Reply("note: palette v2 due Tuesday"), htmx: true);
        var crafted = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Note", Reply("client pretending"));

        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal("StaffOnly", await factory.Database.ScalarAsync<string>($"SELECT visibility FROM messages WHERE body = 'note: palette v2 due Tuesday'"));
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE body = 'client pretending'"));
        var clientView = await (await client.GetAsync($"/portal/messages/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("palette v2 due Tuesday", clientView, StringComparison.Ordinal);
    }
}
