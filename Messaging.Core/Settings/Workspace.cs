namespace Messaging.Core.Settings;

/// <summary>The company: every row that belongs to one carries its id.</summary>
public sealed class Workspace
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Switching this off hides messaging everywhere and stops sending; no data is deleted.</summary>
    public bool MessagesEnabled { get; set; } = true;

    /// <summary>How long after sending authors may edit their message; 0 turns editing off.</summary>
    public int EditWindowMinutes { get; set; } = DefaultEditWindowMinutes;

    public const int DefaultEditWindowMinutes = 15;

    /// <summary>Whether members see "Seen" / "Seen by ..." under their messages; off for privacy.</summary>
    public bool ReadReceiptsEnabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
