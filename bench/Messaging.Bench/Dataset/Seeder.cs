using System.Diagnostics;
using Messaging.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Messaging.Bench.Dataset;

/// <summary>
/// Writes a <see cref="DatasetPlan"/> into an empty database with the portal's schema, through
/// PostgreSQL binary COPY: a million messages take minutes, not hours.
/// </summary>
public sealed class Seeder(string connectionString, TextWriter log)
{
    public async Task SeedAsync(DatasetPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(connectionString, ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM workspaces", connection))
        {
            if ((long)(await check.ExecuteScalarAsync(ct))! > 0)
            {
                throw new InvalidOperationException("The benchmark database is not empty; `./bench.sh seed` recreates it.");
            }
        }

        var clock = Stopwatch.StartNew();
        await Timed("accounts", () => WriteUsersAsync(connection, plan, ct));
        await Timed("workspaces, members, projects", () => WriteOrganisationAsync(connection, plan, ct));
        await Timed("conversations", () => WriteConversationsAsync(connection, plan, ct));
        await Timed($"{plan.Shape.Messages:N0} messages", () => WriteMessagesAsync(connection, plan, ct));
        await Timed("participants", () => WriteParticipantsAsync(connection, plan, ct));
        await Timed("sequences and statistics", () => FinishAsync(connection, ct));
        log.WriteLine($"seeded in {clock.Elapsed.TotalSeconds:0.0} s");

        async Task Timed(string what, Func<Task> step)
        {
            var t = Stopwatch.StartNew();
            await step();
            log.WriteLine($"  {what}: {t.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private static async Task WriteUsersAsync(NpgsqlConnection connection, DatasetPlan plan, CancellationToken ct)
    {
        // One hash serves every account: the salt is inside it, and hashing 5,200 times would take a minute.
        var hash = new PasswordHasher<object>().HashPassword(new object(), DatasetPlan.Password);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
                "LockoutEnabled", "AccessFailedCount") FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var m in plan.Members)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(m.UserId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(m.Email, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(m.Email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(m.Email, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(m.Email.ToUpperInvariant(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(hash, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(m.UserId.ToString("N"), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WriteOrganisationAsync(NpgsqlConnection connection, DatasetPlan plan, CancellationToken ct)
    {
        var created = plan.End.AddDays(-400).UtcDateTime;
        await using (var copy = await connection.BeginBinaryImportAsync("COPY workspaces (id, name, messages_enabled, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var w = 0; w < plan.Shape.Workspaces; w++)
            {
                await copy.WriteRowAsync(ct, (long)w + 1, $"Bench workspace {w + 1}", true, created);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY members (id, workspace_id, user_id, display_name, kind, role, is_active, created_at, is_subcontractor) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var m in plan.Members)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(m.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync((long)m.Workspace + 1, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(m.UserId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(m.DisplayName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(m.IsStaff ? "Staff" : "Client", NpgsqlDbType.Varchar, ct);
                if (m.Role is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(m.Role, NpgsqlDbType.Varchar, ct);
                }

                await copy.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY projects (id, workspace_id, name, stage, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in plan.Projects)
            {
                await copy.WriteRowAsync(ct, p.Id, (long)p.Workspace + 1, p.Name, "Active", created);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY project_members (project_id, member_id, relation) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in plan.Projects)
            {
                foreach (var (member, relation) in p.Contacts.Select(c => (c, "Contact")).Concat(p.Team.Select(t => (t, "Team"))))
                {
                    await copy.WriteRowAsync(ct, p.Id, member, relation);
                }
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static async Task WriteConversationsAsync(NpgsqlConnection connection, DatasetPlan plan, CancellationToken ct)
    {
        var (first, last, lastPublic) = ConversationTimes(plan);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY conversations (id, workspace_id, project_id, subject, category, created_by_member_id, created_at,
                last_activity_at, last_public_activity_at) FROM STDIN (FORMAT BINARY)
            """, ct);
        for (var i = 0; i < plan.Conversations.Count; i++)
        {
            var c = plan.Conversations[i];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(c.Id, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync((long)c.Workspace + 1, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(c.ProjectId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(c.Subject, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync("Project", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(c.Participants[0], NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(Utc(first[i]), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(Utc(last[i]), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(Utc(lastPublic[i] == 0 ? first[i] : lastPublic[i]), NpgsqlDbType.TimestampTz, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task WriteMessagesAsync(NpgsqlConnection connection, DatasetPlan plan, CancellationToken ct)
    {
        var text = TextGenerator.CreateDefault();
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY messages (id, workspace_id, conversation_id, author_member_id, body, visibility, kind, created_at)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        for (var i = 0; i < plan.MessageConversation.Length; i++)
        {
            var conversation = plan.Conversations[plan.MessageConversation[i]];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync((long)conversation.Workspace + 1, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(conversation.Id, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(plan.MessageAuthor[i], NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(text.For(i + 1), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(plan.MessageStaffOnly[i] ? "StaffOnly" : "Everyone", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync("Text", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(Utc(plan.MessageTicks[i]), NpgsqlDbType.TimestampTz, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>Most participants have read everything; one in five is a few messages behind.</summary>
    private static async Task WriteParticipantsAsync(NpgsqlConnection connection, DatasetPlan plan, CancellationToken ct)
    {
        var recent = new long[plan.Conversations.Count][];
        for (var c = 0; c < recent.Length; c++)
        {
            recent[c] = new long[4];
        }

        for (var i = 0; i < plan.MessageConversation.Length; i++)
        {
            var ids = recent[plan.MessageConversation[i]];
            Array.Copy(ids, 1, ids, 0, 3);
            ids[3] = i + 1;
        }

        var (first, _, _) = ConversationTimes(plan);
        var random = new Random(3);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY conversation_participants (conversation_id, member_id, joined_at, last_read_message_id, is_archived, is_muted)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        for (var c = 0; c < plan.Conversations.Count; c++)
        {
            foreach (var member in plan.Conversations[c].Participants)
            {
                var lastRead = random.Next(5) == 0 ? recent[c][0] : recent[c][3];
                await copy.WriteRowAsync(ct, plan.Conversations[c].Id, member, Utc(first[c]), lastRead, false, false);
            }
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task FinishAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var table in new[] { "workspaces", "members", "projects", "conversations", "messages" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", connection);
            await cmd.ExecuteScalarAsync(ct);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private static (long[] First, long[] Last, long[] LastPublic) ConversationTimes(DatasetPlan plan)
    {
        var n = plan.Conversations.Count;
        var first = new long[n];
        var last = new long[n];
        var lastPublic = new long[n];
        for (var i = 0; i < plan.MessageConversation.Length; i++)
        {
            var c = plan.MessageConversation[i];
            if (first[c] == 0)
            {
                first[c] = plan.MessageTicks[i];
            }

            last[c] = plan.MessageTicks[i];
            if (!plan.MessageStaffOnly[i])
            {
                lastPublic[c] = plan.MessageTicks[i];
            }
        }

        return (first, last, lastPublic);
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
