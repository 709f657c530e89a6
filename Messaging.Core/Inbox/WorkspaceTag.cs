namespace Messaging.Core.Inbox;

/// <summary>A label from the workspace's tag list (managed by Managers and Admins).</summary>
public sealed class WorkspaceTag
{
    public const int MaxNameLength = 40;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
