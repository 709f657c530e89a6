namespace Messaging.Core.Members;

/// <summary>
/// The sign-in accounts, which live in the identity store of the web project. Core asks through this
/// port so it does not depend on ASP.NET Core Identity.
/// </summary>
public interface IAccountDirectory
{
    /// <summary>The account with this email, if there is one.</summary>
    Task<Guid?> FindByEmailAsync(string email, CancellationToken ct);

    /// <summary>Creates an account without a password; its owner sets one through an activation link.</summary>
    Task<Guid> CreateAsync(string email, CancellationToken ct);

    /// <summary>Emails of the given accounts.</summary>
    Task<IReadOnlyDictionary<Guid, string>> EmailsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct);
}
