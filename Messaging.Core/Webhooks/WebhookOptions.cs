using System.ComponentModel.DataAnnotations;

namespace Messaging.Core.Webhooks;

/// <summary>Outgoing webhook rules (<c>Messaging:Webhooks</c>); bound and validated by the web host.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Messaging:Webhooks";

    /// <summary>
    /// Deliveries to 127.0.0.0/8 and ::1 are refused unless this is on (tests; a developer's receiver on the same machine).
    /// The web host refuses to start with it on in the Production environment.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Deliveries to private, shared (CGNAT) and link-local addresses are refused unless this is on (an intranet receiver).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Seconds a try may take in all (connect, send, answer); then it counts as failed.</summary>
    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The delay after the first failure; it doubles after each further one, up to <see cref="MaxRetryDelayMinutes"/>.</summary>
    [Range(1, 3600)]
    public int FirstRetrySeconds { get; set; } = 30;

    [Range(1, 1440)]
    public int MaxRetryDelayMinutes { get; set; } = 240;

    /// <summary>How long a delivery is retried; when it runs out, the delivery fails and its webhook is disabled.</summary>
    [Range(1, 168)]
    public int RetryHours { get; set; } = 24;

    /// <summary>A claim older than this is taken over by another dispatcher.</summary>
    [Range(10, 3600)]
    public int StaleClaimSeconds { get; set; } = 120;

    /// <summary>The delay before try <paramref name="failures"/> + 1, after that many failures.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var seconds = FirstRetrySeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryDelayMinutes * 60.0));
    }
}
