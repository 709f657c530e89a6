using Npgsql;

namespace Messaging.Tests.Infrastructure;

/// <summary>A throwaway database on the test server, created empty and dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MESSAGING_TEST_PG")
        ?? throw new InvalidOperationException("MESSAGING_TEST_PG is not set: run the tests with ./test.sh, which starts PostgreSQL and sets it.");

    public static async Task<TestDatabase> CreateAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}

/// <summary>Look-ups into the seeded demo data.</summary>
public static class DemoData
{
    public static Task<long> ConversationIdAsync(this TestDatabase db, string subject) =>
        db.ScalarAsync<long>($"SELECT id FROM conversations WHERE subject = '{subject.Replace("'", "''", StringComparison.Ordinal)}'");

    public static Task<long> MemberIdAsync(this TestDatabase db, string email) =>
        db.ScalarAsync<long>($"SELECT m.id FROM members m JOIN \"AspNetUsers\" u ON u.\"Id\" = m.user_id WHERE u.\"Email\" = '{email}'");

    public static Task<long> MessageCountAsync(this TestDatabase db, long conversationId) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {conversationId}");
}
