using System.Security.Cryptography;
using Messaging.Core.Email;
using Microsoft.AspNetCore.DataProtection;

namespace Messaging.Web.Notifications;

/// <summary><see cref="ISecretProtector"/> with ASP.NET Core Data Protection: the key ring every node shares (in the database).</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("Messaging.Email.MailboxPassword.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string? Unprotect(string protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
