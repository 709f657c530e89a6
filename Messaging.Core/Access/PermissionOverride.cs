namespace Messaging.Core.Access;

/// <summary>A permission granted to or revoked from one member on top of what their kind and role give them.</summary>
public sealed class PermissionOverride
{
    public long MemberId { get; set; }

    public required string Permission { get; set; }

    /// <summary>True grants the permission, false revokes it.</summary>
    public bool Granted { get; set; }
}
