namespace Messaging.Core.Live;

/// <summary>
/// What a node hands its open streams for one live event or notice: the event, and the members of the workspace
/// whose streams receive it (an audience use case decides who). An empty audience reaches nobody.
/// </summary>
public sealed record LiveDelivery(long WorkspaceId, IReadOnlySet<long> Audience, LiveEventView Event);
