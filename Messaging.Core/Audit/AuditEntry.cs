namespace Messaging.Core.Audit;

/// <summary>
/// One line of the audit log: who did what to which object, when and from where. Append-only: no use
/// case updates or deletes one, and a trigger in the database refuses UPDATE and DELETE.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActionLength = 64;
    public const int MaxLabelLength = 200;
    public const int MaxObjectTypeLength = 40;
    public const int MaxObjectIdLength = 100;
    public const int MaxDetailLength = 500;
    public const int MaxIpLength = 64;

    public long Id { get; set; }

    /// <summary>Null only for a failed sign-in with an email no member has: no workspace to show it in.</summary>
    public long? WorkspaceId { get; set; }

    /// <summary>Null when no member acted (a failed sign-in); <see cref="ActorLabel"/> then says who was named.</summary>
    public long? ActorMemberId { get; set; }

    /// <summary>What identified the actor when there is no member (the email typed at sign-in).</summary>
    public string? ActorLabel { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public string? ObjectType { get; set; }

    public string? ObjectId { get; set; }

    /// <summary>A short human description, e.g. "messages module: off → on".</summary>
    public string? Detail { get; set; }

    public string? IpAddress { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
}
