using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Messaging.Tests.Webhooks;

/// <summary>A request the receiver got: its path, headers and body as sent.</summary>
public sealed record ReceivedHook(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a free port, standing for a webhook receiver, Slack or Teams: it records
/// every request and answers as <see cref="Respond"/> says (200 unless told otherwise).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedHook> received = new();

    private WebhookReceiver(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>How to answer the n-th request (0-based) to a path; the default answers 200.</summary>
    public Func<int, HttpContext, Task> Respond { get; set; } = (_, c) => { c.Response.StatusCode = 200; return Task.CompletedTask; };

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Url(string path = "/hook") => new(BaseUrl, path);

    public IReadOnlyList<ReceivedHook> Received => received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var n = receiver.received.Count;
            receiver.received.Enqueue(new ReceivedHook(context.Request.Path, headers, body));
            await receiver.Respond(n, context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
