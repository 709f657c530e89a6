using Messaging.Core.Projects;

namespace Messaging.Core.Messages;

/// <summary>
/// A <c>#D12</c> (checklist item) or <c>#M3</c> (milestone) written in a message, resolved to an item of the
/// conversation's project when the message was sent or edited (<see cref="ResolveItemReferences"/>). The thread shows it
/// as a link chip with the item's current title; a token with no row stays the text typed.
/// </summary>
public sealed class MessageItemReference
{
    public long MessageId { get; set; }

    /// <summary>As written after the <c>#</c>: <c>D12</c> or <c>M3</c>.</summary>
    public required string Token { get; set; }

    public long ProjectId { get; set; }

    public long? DeliverableId { get; set; }

    public ProjectDeliverable? Deliverable { get; set; }

    public long? MilestoneId { get; set; }

    public ProjectMilestone? Milestone { get; set; }
}

/// <summary>A reference as the thread renders it: the token and the item's title now.</summary>
public sealed record ItemReferenceView(string Token, string Title);
