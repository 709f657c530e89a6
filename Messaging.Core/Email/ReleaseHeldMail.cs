using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Email;

/// <summary>
/// Releases a held mail as a new General conversation of the chosen client (staff judged it theirs, e.g. from a
/// second address), written by the client "via email" like any mail of theirs; then the raw mail is dropped.
/// A mail of another workspace, one no longer held, or a client not of this workspace: 404; twice: the same conversation.
/// </summary>
public sealed class ReleaseHeldMail(MessagingDbContext db, LoadCurrentMember load, StartEmailConversation start, TimeProvider clock)
{
    public const string ClientField = "ClientId";

    public async Task<Result<long>> HandleAsync(CurrentMember me, long mailId, long clientMemberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!HeldMailAccess.Allows(me))
        {
            return Result<long>.NotFound();
        }

        var mail = await db.InboundMails.AsNoTracking()
            .Where(m => m.Id == mailId && m.WorkspaceId == me.WorkspaceId && m.Status == InboundMailStatus.Held)
            .Select(m => new { m.Id, m.Raw }).SingleOrDefaultAsync(ct);
        if (mail is null)
        {
            return Result<long>.NotFound();
        }

        if (mail.Raw is null || MimeInbound.Parse(new MemoryStream(mail.Raw, writable: false)) is not { } message)
        {
            return Result<long>.Invalid(ClientField, "This mail can't be released: it was too large to import or is not readable. Open it in the mailbox, or discard it.");
        }

        var userId = await db.Members.AsNoTracking()
            .Where(m => m.Id == clientMemberId && m.WorkspaceId == me.WorkspaceId && m.IsActive && m.Kind == MemberKind.Client)
            .Select(m => (Guid?)m.UserId).SingleOrDefaultAsync(ct);
        var client = userId is { } u ? await load.HandleAsync(u, ct) : null;
        if (client is null || client.MemberId != clientMemberId)
        {
            return Result<long>.Invalid(ClientField, "Choose a client of this workspace.");
        }

        var email = MimeInbound.Read(message);
        var started = await start.HandleAsync(client, email, ReceiveEmailReply.KeyOf(email), ct);
        if (!started.Succeeded)
        {
            return started;
        }

        await db.InboundMails.Where(m => m.Id == mail.Id && m.Status == InboundMailStatus.Held).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, InboundMailStatus.Released)
            .SetProperty(m => m.ConversationId, started.Value)
            .SetProperty(m => m.Raw, (byte[]?)null)
            .SetProperty(m => m.HandledByMemberId, me.MemberId)
            .SetProperty(m => m.DoneAt, clock.GetUtcNow()), ct);
        return started;
    }
}
