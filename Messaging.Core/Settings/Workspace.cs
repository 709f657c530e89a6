namespace Messaging.Core.Settings;

/// <summary>The company: every row that belongs to one carries its id.</summary>
public sealed class Workspace
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Switching this off hides messaging everywhere and stops sending; no data is deleted.</summary>
    public bool MessagesEnabled { get; set; } = true;

    /// <summary>Whether members see "Seen" / "Seen by ..." under their messages; off for privacy.</summary>
    public bool ReadReceiptsEnabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
