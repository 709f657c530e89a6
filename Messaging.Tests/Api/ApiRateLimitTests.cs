using System.Net;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Messaging.Tests.Api;

/// <summary>The API's rate limit counts per token: past it, 429 ProblemDetails with Retry-After; another token is not held up.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.Factory factory) : IClassFixture<ApiRateLimitTests.Factory>
{
    public sealed class Factory : PortalFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Messaging:RateLimits:ApiPerMinute", "3");
    }

    [Fact]
    public async Task ATokenPastItsLimitGets429WithRetryAfterAndAnotherTokenDoesNot()
    {
        using var busy = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        using var calm = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/conversations")).StatusCode);
        }

        using var refused = await busy.GetAsync("/api/v1/conversations");
        await refused.AssertProblemAsync(429);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/me")).StatusCode);
    }
}
