using Messaging.Core.Live;
using Npgsql;

namespace Messaging.Tests.Live;

/// <summary>
/// Writes a message event straight into <c>live_events</c> and announces it, as a committing send does: the
/// NOTIFY goes out when <paramref name="transaction"/> (or the statement) commits. For tests of commit order.
/// </summary>
internal static class LiveEventRows
{
    public static async Task<long> AddAsync(NpgsqlConnection connection, long conversationId, NpgsqlTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"""
            WITH e AS (
                INSERT INTO live_events (workspace_id, conversation_id, kind, visibility, actor_member_id, created_at)
                SELECT c.workspace_id, c.id, 'message', 'Everyone', (SELECT min(p.member_id) FROM conversation_participants p WHERE p.conversation_id = c.id), now()
                FROM conversations c WHERE c.id = @conversation
                RETURNING id)
            SELECT id, pg_notify('{LiveEventNotifier.Channel}', id::text)::text FROM e
            """, connection, transaction);
        command.Parameters.AddWithValue("conversation", conversationId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
