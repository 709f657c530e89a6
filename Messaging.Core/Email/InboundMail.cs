namespace Messaging.Core.Email;

/// <summary>Where an inbound mail came from.</summary>
public enum InboundSource
{
    Imap,
}

public enum InboundMailStatus
{
    /// <summary>Claimed by a poller; another takes it over when the claim is stale (a crash mid-way: the idempotency key keeps the post single).</summary>
    Processing,

    /// <summary>Appended to its thread (reply address or In-Reply-To/References).</summary>
    Posted,

    /// <summary>From a known client without a thread: a new General conversation.</summary>
    Started,

    /// <summary>From an unknown sender (or too large to import): waiting for staff, raw mail kept.</summary>
    Held,

    /// <summary>Held, then released by staff as a new conversation for a client.</summary>
    Released,

    /// <summary>Held, then discarded by staff.</summary>
    Discarded,

    /// <summary>Automatic mail (auto-reply, bounce, list), our own mail, another workspace's reply address, a duplicate: nothing posted, nothing answered.</summary>
    Ignored,

    /// <summary>Not posted; the member was told by email (wrong sender, expired address, refused by the thread).</summary>
    Refused,
}

/// <summary>
/// One mail read from a workspace's mailbox, recorded once: unique by (workspace, UIDVALIDITY, UID) and by
/// (workspace, Message-ID), so two pollers, a restart or the same mail delivered twice never post it twice.
/// </summary>
public sealed class InboundMail
{
    public const int MaxMessageIdLength = 300;
    public const int MaxAddressLength = 320;
    public const int MaxSubjectLength = 300;
    public const int MaxReasonLength = 500;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public InboundSource Source { get; set; }

    public long UidValidity { get; set; }

    public long Uid { get; set; }

    public string? MessageId { get; set; }

    public string FromAddress { get; set; } = "";

    public string Subject { get; set; } = "";

    public InboundMailStatus Status { get; set; }

    /// <summary>What was done and why, in words staff can read.</summary>
    public string? Reason { get; set; }

    public long? ConversationId { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>The raw mail, kept only while it is held (released or discarded clears it).</summary>
    public byte[]? Raw { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>The staff member who released or discarded it.</summary>
    public long? HandledByMemberId { get; set; }
}
