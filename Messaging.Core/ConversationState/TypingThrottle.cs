using System.Collections.Concurrent;

namespace Messaging.Core.ConversationState;

/// <summary>
/// The server side of the typing limit: at most one typing notice per member and conversation every
/// <see cref="MinInterval"/>. Browsers send one every 3 s at most while typing; the margin absorbs timer
/// jitter. In memory per node (a notice is worth nothing after a few seconds), like the other rate limits.
/// </summary>
public sealed class TypingThrottle(TimeProvider clock)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(long Member, long Conversation), DateTimeOffset> last = new();

    public bool TryAcquire(long memberId, long conversationId)
    {
        var now = clock.GetUtcNow();
        var key = (memberId, conversationId);
        while (true)
        {
            if (!last.TryGetValue(key, out var previous))
            {
                if (last.TryAdd(key, now))
                {
                    Prune(now);
                    return true;
                }

                continue;
            }

            if (now - previous < MinInterval)
            {
                return false;
            }

            if (last.TryUpdate(key, now, previous))
            {
                return true;
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (last.Count < 10_000)
        {
            return;
        }

        foreach (var (key, at) in last)
        {
            if (now - at > TimeSpan.FromMinutes(1))
            {
                last.TryRemove(key, out _);
            }
        }
    }
}
