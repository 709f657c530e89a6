using Npgsql;

namespace Messaging.Bench.Run;

public sealed record ConversationPair(long ConversationId, string ClientEmail, string StaffEmail);

/// <summary>
/// Who the run signs in as and where they write, read from the seeded database: the longest thread
/// with its client and staff participants, and conversations each with a client and a staff member
/// (distinct clients, so concurrent senders are different people).
/// </summary>
public sealed record Scenario(ConversationPair LongThread, int LongThreadMessages, IReadOnlyList<ConversationPair> Pairs, long Messages, long Conversations)
{
    public static async Task<Scenario> LoadAsync(string connectionString, int pairs, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        long messages, conversations;
        await using (var counts = new NpgsqlCommand("SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM conversations)", connection))
        await using (var reader = await counts.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (messages, conversations) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (messages == 0)
        {
            throw new InvalidOperationException("The benchmark database is empty: run `./bench.sh seed` first.");
        }

        long longId;
        int longCount;
        await using (var longest = new NpgsqlCommand("SELECT conversation_id, count(*) FROM messages GROUP BY conversation_id ORDER BY count(*) DESC LIMIT 1", connection))
        await using (var reader = await longest.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (longId, longCount) = (reader.GetInt64(0), (int)reader.GetInt64(1));
        }

        const string pairSql = """
            SELECT DISTINCT ON (client.id) c.id, client_user."Email", staff_user."Email"
            FROM conversations c
            JOIN conversation_participants cp ON cp.conversation_id = c.id
            JOIN members client ON client.id = cp.member_id AND client.kind = 'Client'
            JOIN "AspNetUsers" client_user ON client_user."Id" = client.user_id
            JOIN LATERAL (
                SELECT s.user_id FROM conversation_participants sp
                JOIN members s ON s.id = sp.member_id AND s.kind = 'Staff' AND s.role = 'Coordinator'
                WHERE sp.conversation_id = c.id ORDER BY s.id LIMIT 1) staff ON true
            JOIN "AspNetUsers" staff_user ON staff_user."Id" = staff.user_id
            WHERE (@long_id < 0 OR c.id = @long_id)
            ORDER BY client.id, c.id
            LIMIT @limit
            """;
        var longThread = (await PairsAsync(connection, pairSql, longId, 1, ct)).Single();
        var list = await PairsAsync(connection, pairSql, -1, pairs + 1, ct);
        return new Scenario(longThread, longCount, list.Where(p => p.ConversationId != longId).Take(pairs).ToList(), messages, conversations);
    }

    private static async Task<List<ConversationPair>> PairsAsync(NpgsqlConnection connection, string sql, long longId, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("long_id", longId);
        cmd.Parameters.AddWithValue("limit", limit);
        var result = new List<ConversationPair>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new ConversationPair(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return result;
    }
}
