using Messaging.Core.Settings;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Web;

/// <summary>
/// The portal with a bug on request: a request carrying <see cref="FaultHeader"/> fails where a page or an endpoint
/// asks whether the messages module is on, as an unexpected exception would; the error page (<c>/error</c>) renders normally.
/// </summary>
public sealed class FaultyPortalFactory : PortalFactory
{
    public const string FaultHeader = "X-Test-Fault";

    public const string Secret = "secret detail of a failure that must not reach the client";

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddScoped(sp =>
        {
            var http = sp.GetRequiredService<IHttpContextAccessor>().HttpContext;
            if (http is not null && http.Request.Headers.ContainsKey(FaultHeader) && http.Request.Path != "/error")
            {
                throw new InvalidOperationException(Secret);
            }

            return ActivatorUtilities.CreateInstance<GetMessagesModule>(sp);
        }));
}
