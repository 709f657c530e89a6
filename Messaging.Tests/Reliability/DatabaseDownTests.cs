using System.Diagnostics;
using System.Net;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Messaging.Tests.Reliability;

/// <summary>The portal reaching its database through a <see cref="TcpRelay"/>, which a test stops (PostgreSQL gone: refused, connections cut) and starts again.</summary>
public sealed class RelayedDatabasePortalFactory : PortalFactory
{
    public TcpRelay Relay { get; private set; } = null!;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        var direct = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        Relay = new TcpRelay(direct.Host!, direct.Port);
        Relay.Start();
        var relayed = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = Relay.Port, Timeout = 3 };
        builder.UseSetting("ConnectionStrings:Messaging", relayed.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Relay.DisposeAsync();
    }
}

/// <summary>
/// PostgreSQL unreachable: pages answer 503 with Retry-After and the "temporarily unavailable" page, htmx and endpoints a
/// 503 ProblemDetails, a send stores nothing; once the database is back the portal answers again by itself and the same
/// send goes through.
/// </summary>
public sealed class DatabaseDownTests(RelayedDatabasePortalFactory factory) : IClassFixture<RelayedDatabasePortalFactory>
{
    [Fact]
    public async Task WhileTheDatabaseIsDownThePortalAnswers503AndRecoversByItself()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var thread = $"/portal/messages/{id}";
        var page = await client.GetPageAsync(thread);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var messages = await factory.Database.MessageCountAsync(id);
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Reply(bool htmx)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, thread + "?handler=Reply")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Body"] = "sent while the database was away", ["Input.IdempotencyKey"] = key, ["__RequestVerificationToken"] = token }),
            };
            if (htmx)
            {
                request.Headers.Add("HX-Request", "true");
            }

            return request;
        }

        await factory.Relay.StopAsync();
        try
        {
            using var pageDown = await client.Http.GetAsync(thread);
            using var fragmentDown = await client.GetAsync($"/portal/messages?handler=List", htmx: true);
            using var events = new HttpRequestMessage(HttpMethod.Get, "/events");
            events.Headers.Accept.ParseAdd("text/event-stream");
            using var eventsDown = await client.Http.SendAsync(events);
            using var replyDown = await client.Http.SendAsync(Reply(htmx: true));
            using var plainReplyDown = await client.Http.SendAsync(Reply(htmx: false));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, pageDown.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), pageDown.Headers.RetryAfter?.Delta);
            var html = PortalClient.Parse(await pageDown.Content.ReadAsStringAsync());
            Assert.Equal("503", html.QuerySelector("[data-testid=status-message]")?.GetAttribute("data-status"));
            Assert.Contains("cannot reach its database", html.QuerySelector("[data-testid=status-message]")!.TextContent, StringComparison.Ordinal);
            foreach (var (what, response) in new[] { ("htmx fragment", fragmentDown), ("event stream", eventsDown), ("htmx reply", replyDown) })
            {
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode}");
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("\"status\":503", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, plainReplyDown.StatusCode);
        }
        finally
        {
            factory.Relay.Start();
        }

        // Back: no restart, no intervention; the pool opens new connections on the next request.
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var again = await client.Http.GetAsync(thread);
            status = again.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(messages, await factory.Database.MessageCountAsync(id));
        using var reply = await client.Http.SendAsync(Reply(htmx: true));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal(messages + 1, await factory.Database.MessageCountAsync(id));
    }
}
