namespace Messaging.Core.Api;

/// <summary>
/// A personal access token of one member for the REST API. Only its SHA-256 hash is stored: the token itself is
/// shown once, when it is created (<see cref="CreateApiToken"/>). <see cref="Prefix"/> (the token's first characters)
/// lets its owner recognise it in the list. It works until <see cref="ExpiresAt"/> or until it is revoked, and never
/// beyond its member's membership (a deactivated member's tokens stop working with the member).
/// </summary>
public sealed class ApiToken
{
    public const int MaxNameLength = 100;

    public const int PrefixLength = 12;

    public long Id { get; set; }

    public long WorkspaceId { get; set; }

    public long MemberId { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token, lowercase hex.</summary>
    public required string TokenHash { get; set; }

    public ApiTokenScope Scope { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}
