using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Infrastructure;

/// <summary>Limits from <c>Messaging:RateLimits</c>: requests per minute, per user for sending and per client address for sign-in and for export verification (open to anyone).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Messaging:RateLimits";

    [Range(1, 1_000_000)]
    public int SendPerMinute { get; set; } = 30;

    [Range(1, 1_000_000)]
    public int SignInPerMinute { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int VerifyPerMinute { get; set; } = 10;

    /// <summary>REST API requests (every method) per token.</summary>
    [Range(1, 1_000_000)]
    public int ApiPerMinute { get; set; } = 120;
}

/// <summary>
/// The rate limits, with ASP.NET Core's rate limiter. Pages opt in with <c>[EnableRateLimiting(...)]</c>;
/// since that applies to a whole page, each policy counts only POSTs (the GETs of the same page stay free).
/// A rejected request gets 429 with Retry-After; the status page then explains it (see /status/429).
/// </summary>
public static class RateLimits
{
    /// <summary>Creating messages (reply, internal note, new conversation), per signed-in user.</summary>
    public const string Send = "send";

    /// <summary>Sign-in attempts, per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Uploads to the export verify page, which needs no sign-in, per client address.</summary>
    public const string Verify = "verify";

    /// <summary>Every REST API request, per token (per client address before a token is known).</summary>
    public const string Api = "api";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy<string, SendPolicy>(Send);
            o.AddPolicy<string, SignInPolicy>(SignIn);
            o.AddPolicy<string, VerifyPolicy>(Verify);
            o.AddPolicy<string, ApiPolicy>(Api);
        });
        return services;
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PostsPerMinute(HttpContext context, string key, int limit) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("");

    private sealed class SendPolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var user = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
            return PostsPerMinute(httpContext, user is null ? "ip:" + ClientAddress(httpContext) : "user:" + user, options.Value.SendPerMinute);
        }
    }

    private sealed class SignInPolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            PostsPerMinute(httpContext, "ip:" + ClientAddress(httpContext), options.Value.SignInPerMinute);
    }

    private sealed class ApiPolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var token = httpContext.User.FindFirstValue(Messaging.Web.Api.ApiClaims.Token);
            return RateLimitPartition.GetFixedWindowLimiter(token is null ? "api-ip:" + ClientAddress(httpContext) : "api-token:" + token, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.ApiPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }
    }

    private sealed class VerifyPolicy(IOptions<RateLimitOptions> options) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            PostsPerMinute(httpContext, "verify:" + ClientAddress(httpContext), options.Value.VerifyPerMinute);
    }
}
