namespace Messaging.Core.Live;

/// <summary>What a browser's event stream carries: ids only.</summary>
public sealed record LiveEventView(long Id, string Kind, long ConversationId, long? MessageId)
{
    /// <summary>
    /// An ephemeral event (typing, read, working, presence: see <see cref="LivePayload"/>): it has no id, is never
    /// replayed, and goes out once under <see cref="Kind"/> as its event name with <see cref="Data"/>.
    /// </summary>
    public bool IsEphemeral => Id == 0;

    /// <summary>The JSON an ephemeral event carries (ids, and for typing the typist's display name).</summary>
    public string? Data { get; init; }

    public static LiveEventView Ephemeral(string name, long conversationId, string data) =>
        new(0, name, conversationId, null) { Data = data };
}
