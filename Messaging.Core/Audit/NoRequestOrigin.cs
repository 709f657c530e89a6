namespace Messaging.Core.Audit;

/// <summary>For work that is not a web request (startup, background jobs, tests of Core): no address.</summary>
public sealed class NoRequestOrigin : IRequestOrigin
{
    public string? IpAddress => null;
}
