using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Messaging.Tests.Infrastructure;

/// <summary>
/// The test server has no network connection, so no client address. This gives every request one
/// (127.0.0.1, or the address a test names in <see cref="Header"/>), as Kestrel would from the socket,
/// so per-IP rate limits and the audit log's addresses can be tested.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-IP";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress =
                IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address) ? address : IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
