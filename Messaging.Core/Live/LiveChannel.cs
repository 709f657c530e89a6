using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// The PostgreSQL channel every node LISTENs on (see <see cref="LivePayload"/> for what it carries). A notice
/// sent inside a transaction is delivered at commit, and not at all on rollback.
/// </summary>
public static class LiveChannel
{
    public const string Name = "messaging_events";

    public static async Task NotifyAsync(DbContext db, LivePayload payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payload);
        var text = payload.Format();
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({Name}, {text})", ct);
    }
}
