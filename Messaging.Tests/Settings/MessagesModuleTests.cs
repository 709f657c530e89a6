using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Settings;

/// <summary>Switching the messages module off hides messaging everywhere and sends nothing; back on, all is as it was.</summary>
public sealed class MessagesModuleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> SetModuleAsync(PortalClient admin, bool on)
    {
        var fields = new Dictionary<string, string>();
        if (on)
        {
            fields["MessagesEnabled"] = "true";
        }

        return await admin.PostFormAsync("/admin/settings", "/admin/settings", fields);
    }

    [Fact]
    public async Task OffHidesMessagingEverywhereAndOnRestoresEverything()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var messagesBefore = await factory.Database.MessageCountAsync(id);
        var settings = await admin.GetPageAsync("/admin/settings");
        Assert.NotNull(settings.QuerySelector("[data-testid=messages-module-toggle][checked]"));
        var replyToken = (await client.GetPageAsync($"/portal/messages/{id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.Redirect, (await SetModuleAsync(admin, on: false)).StatusCode);

        try
        {
            Assert.Null((await admin.GetPageAsync("/admin/settings")).QuerySelector("[data-testid=messages-module-toggle][checked]"));
            foreach (var url in new[] { "/portal/messages", $"/portal/messages/{id}", "/portal/messages/new", "/messages/unread-badge", "/events" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/portal/messages/{id}?handler=Newer&after=0", htmx: true)).StatusCode);
            foreach (var url in new[] { "/staff/messages", $"/staff/messages/{id}", "/staff/messages/new" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(url)).StatusCode);
            }

            var reply = await client.Http.PostAsync($"/portal/messages/{id}?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Body"] = "sent while off",
                ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
                ["__RequestVerificationToken"] = replyToken,
            }));
            Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
            Assert.Equal(messagesBefore, await factory.Database.MessageCountAsync(id));

            var home = await client.GetPageAsync("/");
            Assert.Null(home.QuerySelector("a[href='/portal/messages']"));
            Assert.Null(home.QuerySelector("[data-testid=unread-badge]"));
            Assert.Null(home.QuerySelector("body[sse-connect]"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SetModuleAsync(admin, on: true)).StatusCode);
        }

        var thread = await client.GetPageAsync($"/portal/messages/{id}");
        Assert.Equal(30, thread.QuerySelectorAll("[data-testid=message]").Length);
        Assert.Equal(messagesBefore, await factory.Database.MessageCountAsync(id));
        Assert.NotNull((await staff.GetPageAsync("/staff/messages")).QuerySelector("[data-testid=unread-badge]"));
    }

    [Fact]
    public async Task OnlyAdminsReachCompanySettings()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);

        var response = await staff.GetAsync("/admin/settings");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
