using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Members;

public sealed record AddMemberCommand(string? Email, string? DisplayName, MemberKind Kind, StaffRole? Role, bool IsSubcontractor);

/// <summary>Who was added, and whether their account is new (then it needs an activation link to set a password).</summary>
public sealed record AddedMember(long MemberId, Guid UserId, string Email, bool AccountCreated);

/// <summary>
/// Adds a person to the Admin's workspace by email, as staff (with a role) or as a client (optionally
/// a subcontractor). An email that already has an account (in another workspace) reuses it.
/// </summary>
public sealed class AddMember(MessagingDbContext db, IAccountDirectory accounts, TimeProvider clock, AuditLog audit)
{
    public const string EmailField = "Email";
    public const string NameField = "DisplayName";
    public const string RoleField = "Role";

    public async Task<Result<AddedMember>> HandleAsync(CurrentMember me, AddMemberCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        if (!me.IsAdmin)
        {
            return Result<AddedMember>.Forbidden(MemberAdministration.AdminsOnly);
        }

        var email = command.Email?.Trim() ?? string.Empty;
        if (email.Length is 0 or > 256 || !EmailAddress.IsPlain(email))
        {
            return Result<AddedMember>.Invalid(EmailField, "Enter a valid email address.");
        }

        var name = command.DisplayName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            return Result<AddedMember>.Invalid(NameField, "Enter the person's name (at most 200 characters).");
        }

        if (!Enum.IsDefined(command.Kind))
        {
            return Result<AddedMember>.Invalid(RoleField, "Choose staff or client.");
        }

        if (command.Kind == MemberKind.Staff && (command.Role is null || !Enum.IsDefined(command.Role.Value)))
        {
            return Result<AddedMember>.Invalid(RoleField, "Choose a role for the staff member.");
        }

        var userId = await accounts.FindByEmailAsync(email, ct);
        if (userId is { } existing && await db.Members.AnyAsync(m => m.WorkspaceId == me.WorkspaceId && m.UserId == existing, ct))
        {
            return Result<AddedMember>.Invalid(EmailField, $"{email} is already a member of this workspace.");
        }

        var created = userId is null;
        var accountId = userId ?? await accounts.CreateAsync(email, ct);
        var member = new Member
        {
            WorkspaceId = me.WorkspaceId,
            UserId = accountId,
            DisplayName = name,
            Kind = command.Kind,
            Role = command.Kind == MemberKind.Staff ? command.Role : null,
            IsSubcontractor = command.Kind == MemberKind.Client && command.IsSubcontractor,
            IsActive = true,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        audit.Record(me, AuditActions.MemberAdd, "member", member.Id.ToString(CultureInfo.InvariantCulture), $"{email} as {(member.Kind == MemberKind.Staff ? member.Role.ToString() : member.IsSubcontractor ? "subcontractor" : "client")}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<AddedMember>.Ok(new AddedMember(member.Id, accountId, email, created));
    }
}
