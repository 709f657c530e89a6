using Messaging.Core.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Web.Identity;

/// <summary>Core's view of the sign-in accounts, over ASP.NET Core Identity.</summary>
public sealed class AccountDirectory(UserManager<PortalUser> users) : IAccountDirectory
{
    public async Task<Guid?> FindByEmailAsync(string email, CancellationToken ct) =>
        (await users.FindByEmailAsync(email))?.Id;

    public async Task<Guid> CreateAsync(string email, CancellationToken ct)
    {
        var user = new PortalUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        var result = await users.CreateAsync(user);
        return result.Succeeded
            ? user.Id
            : throw new InvalidOperationException("Could not create the account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> EmailsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        await users.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? string.Empty, ct);
}
