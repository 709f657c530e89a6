namespace Messaging.Core.Email;

/// <summary>Protects stored secrets (a mailbox password); the web host implements it with ASP.NET Core Data Protection.</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>Null when the value cannot be read any more (key ring lost, tampered value).</summary>
    string? Unprotect(string protectedSecret);
}
