using System.Net;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Messaging.Tests.Web;

/// <summary>The portal with low limits: 2 sends per user, 3 sign-in attempts and 2 export verifications per address a minute.</summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:RateLimits:SendPerMinute", "2");
        builder.UseSetting("Messaging:RateLimits:SignInPerMinute", "3");
        builder.UseSetting("Messaging:RateLimits:VerifyPerMinute", "2");
    }
}

public sealed class RateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    private const string TooMany = "Too many requests — wait a minute and try again.";

    /// <summary>Each test signs in from its own address, so the sign-in limit of one does not touch another.</summary>
    private async Task<PortalClient> SignInFromAsync(string address, string email)
    {
        var client = factory.NewClient();
        client.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        await client.SignInAsync(email);
        return client;
    }

    private static Dictionary<string, string> Reply(string body) =>
        new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    [Fact]
    public async Task AMessageOverTheLimitGetsTooManyRequestsWithAClearPageAndIsNotStored()
    {
        using var client = await SignInFromAsync("198.51.100.1", Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var before = await factory.Database.MessageCountAsync(id);
        var url = $"/portal/messages/{id}";

        var first = await client.PostFormAsync(url, $"{url}?handler=Reply", Reply("one"));
        var second = await client.PostFormAsync(url, $"{url}?handler=Reply", Reply("two"));
        var third = await client.PostFormAsync(url, $"{url}?handler=Reply", Reply("three, over the limit"));
        var page = PortalClient.Parse(await third.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Equal(TooMany, page.QuerySelector("[data-testid=status-message]")?.TextContent);
        Assert.Equal("Too many requests", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(before + 2, await factory.Database.MessageCountAsync(id));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE body LIKE 'three%'"));
        // Reading is not limited.
        await client.GetPageAsync(url);
    }

    [Fact]
    public async Task AnHtmxSendOverTheLimitGetsJustTheMessageForThePageToShow()
    {
        using var staff = await SignInFromAsync("198.51.100.2", Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var url = $"/staff/messages/{id}";

        await staff.PostFormAsync(url, $"{url}?handler=Note", Reply("note one"), htmx: true);
        await staff.PostFormAsync(url, $"{url}?handler=Reply", Reply("reply two"), htmx: true);
        var third = await staff.PostFormAsync(url, $"{url}?handler=Note", Reply("note three"), htmx: true);
        var body = await third.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TooMany, PortalClient.Parse(body).QuerySelector("[data-testid=status-message]")?.TextContent);
        Assert.Contains("HX-Request", third.Headers.Vary);
    }

    [Fact]
    public async Task StartingConversationsCountsAgainstTheSameLimitAsReplies()
    {
        using var admin = await SignInFromAsync("198.51.100.3", Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);
        Dictionary<string, string> NewConversation(string subject) => new()
        {
            ["Subject"] = subject,
            ["Body"] = "Hello",
            ["ParticipantIds"] = staff.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        };

        var reply = await admin.PostFormAsync($"/staff/messages/{id}", $"/staff/messages/{id}?handler=Reply", Reply("from the admin"));
        var first = await admin.PostFormAsync("/staff/messages/new", "/staff/messages/new", NewConversation("Limited one"));
        var second = await admin.PostFormAsync("/staff/messages/new", "/staff/messages/new", NewConversation("Limited two"));

        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE subject = 'Limited two'"));
        // The form itself still loads.
        await admin.GetPageAsync("/staff/messages/new");
    }

    [Fact]
    public async Task SignInAttemptsAreLimitedPerClientAddress()
    {
        using var guessing = factory.NewClient();
        guessing.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "198.51.100.50");
        var attempt = new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "guess" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await guessing.PostFormAsync("/account/login", "/account/login", attempt)).StatusCode);
        }

        var fourth = await guessing.PostFormAsync("/account/login", "/account/login", attempt);
        var page = PortalClient.Parse(await fourth.Content.ReadAsStringAsync());

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter);
        Assert.Equal(TooMany, page.QuerySelector("[data-testid=status-message]")?.TextContent);
        // The sign-in page still loads, and someone at another address signs in as usual.
        await guessing.GetPageAsync("/account/login");
        using var elsewhere = await SignInFromAsync("198.51.100.51", Demo.Viewer);
    }

    [Fact]
    public async Task ExportVerificationsAreLimitedPerClientAddress()
    {
        using var anonymous = factory.NewClient();
        anonymous.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, "198.51.100.60");
        var notAnExport = "just some text"u8.ToArray();

        var first = await Export.ExportTestKit.VerifyAsync(anonymous, notAnExport, "a.csv");
        var second = await Export.ExportTestKit.VerifyAsync(anonymous, notAnExport, "b.csv");
        var third = await Export.ExportTestKit.VerifyAsync(anonymous, notAnExport, "c.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TooMany, PortalClient.Parse(await third.Content.ReadAsStringAsync()).QuerySelector("[data-testid=status-message]")?.TextContent);
        // The page itself still loads.
        await anonymous.GetPageAsync("/exports/verify");
    }
}
