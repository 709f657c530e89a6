using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Audit;

/// <summary>
/// Records a sign-in or a failed one. The entry goes to the workspace of the account's member (the
/// membership it works in; failing that, a deactivated one: such a member trying to sign in is worth seeing). An
/// email that matches no member is recorded with no workspace: it shows on no workspace's audit page,
/// but stays in the table for operators.
/// </summary>
public sealed class RecordSignIn(MessagingDbContext db, AuditLog audit)
{
    public async Task HandleAsync(Guid? userId, string typedEmail, bool succeeded, string? detail, CancellationToken ct)
    {
        var member = userId is { } id
            ? await db.Members.AsNoTracking()
                .Where(m => m.UserId == id)
                .OrderByDescending(m => m.IsActive)
                .ThenBy(m => m.Id)
                .Select(m => new { m.Id, m.WorkspaceId })
                .FirstOrDefaultAsync(ct)
            : null;
        audit.Record(
            member?.WorkspaceId,
            succeeded ? member?.Id : null,
            succeeded ? AuditActions.SignIn : AuditActions.SignInFailed,
            member is null ? null : "member",
            member?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            detail,
            actorLabel: typedEmail);
        await db.SaveChangesAsync(ct);
    }
}
