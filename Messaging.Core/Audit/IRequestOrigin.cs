namespace Messaging.Core.Audit;

/// <summary>Where the current request comes from, for the audit log. The web project reads the connection; elsewhere there is none.</summary>
public interface IRequestOrigin
{
    string? IpAddress { get; }
}

/// <summary>For work that is not a web request (startup, background jobs, tests of Core): no address.</summary>
public sealed class NoRequestOrigin : IRequestOrigin
{
    public string? IpAddress => null;
}
