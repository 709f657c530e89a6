using System.ComponentModel.DataAnnotations;
using Messaging.Core.Webhooks;

namespace Messaging.Web.Webhooks;

/// <summary>How often due webhook deliveries are looked for (<c>Messaging:Webhooks:Dispatch</c>).</summary>
public sealed class WebhookDispatchOptions
{
    public const string Section = "Messaging:Webhooks:Dispatch";

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Integration tests that run <see cref="DeliverWebhooks"/> themselves (with a fake clock) turn the loop off.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Every few seconds, sends every due webhook delivery (<see cref="DeliverWebhooks"/>, one scope each). Runs on every node;
/// the atomic claim gives each delivery to one of them. Deliveries wait in their table, so a restart loses none.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<WebhookDispatchOptions> options,
    ILogger<WebhookDispatcher> logger) : Infrastructure.PollingService(logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string WorkName => "Delivering webhooks";

    protected override Task RunOnceAsync(CancellationToken ct) => RunOnceAsync(scopes, ct);

    /// <summary>One pass (also what tests call): every due delivery. Returns how many were handled.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var handled = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<DeliverWebhooks>().HandleAsync(ct))
            {
                break;
            }

            handled++;
        }

        return handled;
    }
}
