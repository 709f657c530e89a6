using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Members;

namespace Messaging.Web.Identity;

/// <summary>A member as the Admin's member page shows them: the row and whether their account has a password yet.</summary>
public sealed record MemberAccount(MemberRow Member, bool HasPassword);

/// <summary>An added member, with the notice the members page shows and, for a new account, the activation link to pass on.</summary>
public sealed record MemberInvitation(string Notice, string? ActivationLink);

/// <summary>
/// The members pages' use of the identity store (which lives in Web, see docs/architecture-notes.md): adding a
/// member with their activation link, a member with their password state, and a fresh link. Unknown ids are null or not found.
/// </summary>
public sealed class MemberAccounts(ListMembers list, AddMember add, ActivationLinks links)
{
    public async Task<MemberAccount?> GetAsync(CurrentMember me, long memberId, CancellationToken ct) =>
        (await list.HandleAsync(me, memberId, ct)) is [var row, ..] ? new MemberAccount(row, await links.HasPasswordAsync(row.UserId)) : null;

    /// <summary>A new one-time activation link for the member's account; null when there is no such member.</summary>
    public async Task<string?> RenewLinkAsync(CurrentMember me, long memberId, HttpRequest request, CancellationToken ct) =>
        (await list.HandleAsync(me, memberId, ct)) is [var row, ..] ? await links.CreateAsync(request, row.UserId) ?? "" : null;

    /// <summary>Adds the member (<see cref="AddMember"/>); a refusal other than a field's is not found, as on the page before.</summary>
    public async Task<Result<MemberInvitation>> InviteAsync(CurrentMember me, AddMemberCommand command, HttpRequest request, CancellationToken ct)
    {
        var result = await add.HandleAsync(me, command, ct);
        if (result.Value is not { } added)
        {
            return result.Failure == FailureKind.Invalid
                ? Result<MemberInvitation>.Invalid(result.Field!, result.Error!)
                : Result<MemberInvitation>.NotFound();
        }

        return Result<MemberInvitation>.Ok(added.AccountCreated
            ? new MemberInvitation($"{added.Email} was added. Send them this activation link so they can set a password:", await links.CreateAsync(request, added.UserId))
            : new MemberInvitation($"{added.Email} already had an account and can now sign in to this workspace.", null));
    }
}
