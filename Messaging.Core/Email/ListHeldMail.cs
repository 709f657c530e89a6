using Messaging.Core.Access;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Email;

public sealed record HeldMailRow(long Id, string From, string Subject, string? Reason, long SizeBytes, DateTimeOffset ReceivedAt, bool CanRelease);

/// <summary>A client the held mail can be released for.</summary>
public sealed record HeldMailClient(long MemberId, string DisplayName);

public sealed record HeldMailList(IReadOnlyList<HeldMailRow> Mails, IReadOnlyList<HeldMailClient> Clients);

/// <summary>The mail held for staff (unknown senders, too large, unreadable), newest first, for staff who manage the inbox; null for anyone else (404).</summary>
public sealed class ListHeldMail(MessagingDbContext db)
{
    public const int PageSize = 100;

    public async Task<HeldMailList?> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!HeldMailAccess.Allows(me))
        {
            return null;
        }

        var mails = await db.InboundMails.AsNoTracking()
            .Where(m => m.WorkspaceId == me.WorkspaceId && m.Status == InboundMailStatus.Held)
            .OrderByDescending(m => m.Id).Take(PageSize)
            .Select(m => new HeldMailRow(m.Id, m.FromAddress, m.Subject, m.Reason, m.SizeBytes, m.ReceivedAt, m.Raw != null))
            .ToListAsync(ct);
        var clients = await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == me.WorkspaceId && m.IsActive && m.Kind == MemberKind.Client)
            .OrderBy(m => m.DisplayName)
            .Select(m => new HeldMailClient(m.Id, m.DisplayName))
            .ToListAsync(ct);
        return new HeldMailList(mails, clients);
    }
}
