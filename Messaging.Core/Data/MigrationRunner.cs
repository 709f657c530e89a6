using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Messaging.Core.Data;

/// <summary>
/// Applies the versioned SQL files embedded under Data/Migrations in name order. Each file runs in
/// its own transaction together with its row in <c>schema_migrations</c>; a session advisory lock
/// keeps several nodes starting at once from racing.
/// </summary>
public sealed class MigrationRunner(ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary but fixed key for pg_advisory_lock ("msgmigr" in ASCII).</summary>
    private const long AdvisoryLockKey = 0x6D73676D69677200;

    public static IReadOnlyList<(string Id, string Sql)> LoadScripts()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        const string prefix = "Messaging.Core.Data.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public async Task<int> ApplyAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await Execute(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    applied_at timestamp with time zone NOT NULL DEFAULT now())
                """, ct);

            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = new NpgsqlCommand("SELECT id FROM schema_migrations", connection))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var count = 0;
            foreach (var (id, sql) in LoadScripts().Where(s => !applied.Contains(s.Id)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, tx, sql, ct);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (id) VALUES (@id)", connection, tx))
                {
                    record.Parameters.AddWithValue("id", id);
                    await record.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Migration}", id);
                count++;
            }

            return count;
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
