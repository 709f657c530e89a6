using Messaging.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Messaging.Web.Identity;

/// <summary>The activation link's form: the account, Identity's one-time token from the link, and the password typed twice.</summary>
public sealed record ActivateAccountCommand(Guid UserId, string? Token, string? Password, string? Confirm);

/// <summary>
/// Sets a newly added member's password from their activation link (Identity's password-reset token); a used or
/// wrong link, or two different passwords, is refused with the reason and changes nothing.
/// </summary>
public sealed class ActivateAccount(UserManager<PortalUser> users)
{
    public async Task<Result<Guid>> HandleAsync(ActivateAccountCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.Password) || command.Password != command.Confirm)
        {
            return Result<Guid>.Invalid(nameof(command.Password), "Enter the same password twice.");
        }

        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null || string.IsNullOrEmpty(command.Token))
        {
            return Result<Guid>.Invalid(nameof(command.Token), "This activation link is not valid. Ask your administrator for a new one.");
        }

        var result = await users.ResetPasswordAsync(user, command.Token, command.Password);
        if (result.Succeeded)
        {
            return Result<Guid>.Ok(user.Id);
        }

        return Result<Guid>.Invalid(nameof(command.Password), result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? "This activation link is not valid or was already used. Ask your administrator for a new one."
            : string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
