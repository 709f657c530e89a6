using Messaging.Core.Data;

namespace Messaging.Core.Live;

/// <summary>
/// Tells every node to end a member's open event streams, because they lost access to something
/// (deactivated, removed from a conversation, permission revoked): <see cref="LivePayload.AccessRevoked"/>;
/// inside a transaction it is delivered at commit. A browser reconnects at once and the stream endpoint
/// checks access again, so the member keeps exactly what they may still see.
/// </summary>
public static class LiveAccess
{
    public static Task RevokeAsync(MessagingDbContext db, long memberId, CancellationToken ct) =>
        LiveChannel.NotifyAsync(db, new LivePayload.AccessRevoked(memberId), ct);
}
