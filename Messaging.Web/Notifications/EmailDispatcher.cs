using System.ComponentModel.DataAnnotations;
using Messaging.Core.Notifications;

namespace Messaging.Web.Notifications;

/// <summary>How often the email outbox is looked at (<c>Messaging:Notifications:Dispatch</c>).</summary>
public sealed class EmailDispatchOptions
{
    public const string Section = "Messaging:Notifications:Dispatch";

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>Integration tests that run <see cref="DispatchEmails"/> themselves (with a fake clock) turn the loop off.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Every few seconds: makes the staff activity digests that are due, then sends every due outbox email
/// (<see cref="DispatchEmails"/>, one scope each). Runs on every node; the atomic claim makes each email
/// go out once. A failing database or mail server only delays mail: rows stay in the outbox.
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<EmailDispatchOptions> options,
    ILogger<EmailDispatcher> logger) : Infrastructure.PollingService(logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string WorkName => "Sending notification emails";

    protected override Task RunOnceAsync(CancellationToken ct) => RunOnceAsync(scopes, ct);

    /// <summary>One pass (also what tests call): digests due now, then every due email. Returns how many rows were handled.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EnqueueActivityDigests>().HandleAsync(ct);
        }

        var handled = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<DispatchEmails>().HandleAsync(ct))
            {
                break;
            }

            handled++;
        }

        return handled;
    }
}
