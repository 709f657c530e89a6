using Messaging.Core.Access;
using Messaging.Core.Data;

namespace Messaging.Core.Audit;

/// <summary>
/// Adds audit entries to the DbContext without saving: the caller's SaveChanges writes the entry in
/// the same transaction as the change it records, so a rolled-back change leaves no entry and a
/// committed one always has its entry. There is deliberately no way to change or remove an entry.
/// </summary>
public sealed class AuditLog(MessagingDbContext db, TimeProvider clock, IRequestOrigin origin)
{
    public AuditEntry Record(CurrentMember actor, string action, string? objectType = null, string? objectId = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Record(actor.WorkspaceId, actor.MemberId, action, objectType, objectId, detail);
    }

    public AuditEntry Record(
        long? workspaceId,
        long? actorMemberId,
        string action,
        string? objectType = null,
        string? objectId = null,
        string? detail = null,
        string? actorLabel = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var entry = new AuditEntry
        {
            WorkspaceId = workspaceId,
            ActorMemberId = actorMemberId,
            ActorLabel = Clip(actorLabel, AuditEntry.MaxLabelLength),
            Action = action,
            ObjectType = Clip(objectType, AuditEntry.MaxObjectTypeLength),
            ObjectId = Clip(objectId, AuditEntry.MaxObjectIdLength),
            Detail = Clip(detail, AuditEntry.MaxDetailLength),
            IpAddress = Clip(origin.IpAddress, AuditEntry.MaxIpLength),
            OccurredAt = clock.GetUtcNow(),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string? Clip(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
