using System.Collections.Concurrent;
using System.Globalization;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Messaging.Tests.Live;

/// <summary>
/// A portal where another transaction commits a message event right after a page handler has loaded its data and
/// before the page renders: the moment a send from someone else can land while the page is being built.
/// </summary>
public sealed class CommitWhileRenderingFactory : PortalFactory
{
    public const string Header = "X-Test-Commit-Event-In";

    /// <summary>The ids of the events committed that way.</summary>
    public ConcurrentQueue<long> Committed { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.Configure<MvcOptions>(o => o.Filters.Add(new CommitAfterHandler(this))));

    private sealed class CommitAfterHandler(CommitWhileRenderingFactory factory) : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            await next();
            if (long.TryParse(context.HttpContext.Request.Headers[Header], NumberStyles.None, CultureInfo.InvariantCulture, out var conversationId))
            {
                await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
                await connection.OpenAsync();
                factory.Committed.Enqueue(await LiveEventRows.AddAsync(connection, conversationId));
            }
        }
    }
}

/// <summary>Where a page's event stream starts: nothing committed while the page is built may fall between the page and its stream.</summary>
public sealed class PageStreamStartTests(CommitWhileRenderingFactory factory) : IClassFixture<CommitWhileRenderingFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static string Str(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEventCommittedWhileThePageIsBuiltIsReplayedByThePagesStream(bool boosted)
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/portal/messages/{id}");
        request.Headers.Add(CommitWhileRenderingFactory.Header, Str(id));
        if (boosted)
        {
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("HX-Boosted", "true");
        }

        using var response = await client.Http.SendAsync(request);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(factory.Committed.TryDequeue(out var committed));
        var connect = page.Body?.GetAttribute("sse-connect");
        Assert.NotNull(connect);
        var start = long.Parse(connect[(connect.IndexOf("lastEventId=", StringComparison.Ordinal) + "lastEventId=".Length)..], CultureInfo.InvariantCulture);

        Assert.True(start < committed, $"the stream starts after event {start}, so event {committed}, committed while the page was built, would be skipped");
        await using var stream = await SseReader.OpenAsync(client.Http, connect);
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == $"conversation-{id}" && e.Id == Str(committed), Wait));
    }
}
