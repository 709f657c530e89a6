namespace Messaging.Core.Audit;

/// <summary>Where the current request comes from, for the audit log. The web project reads the connection; elsewhere there is none.</summary>
public interface IRequestOrigin
{
    string? IpAddress { get; }
}
