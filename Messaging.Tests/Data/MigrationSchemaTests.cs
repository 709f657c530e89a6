using Messaging.Core.Data;
using Messaging.Tests.Infrastructure;
using Messaging.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Messaging.Tests.Data;

/// <summary>The SQL migrations and the EF model must describe the same schema.</summary>
public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task MigratedSchemaMatchesTheSchemaEfWouldCreate()
    {
        await using var migrated = await TestDatabase.CreateAsync("mig");
        await using var generated = await TestDatabase.CreateAsync("ef");

        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(migrated.ConnectionString);

        await using (var domain = new MessagingDbContext(new DbContextOptionsBuilder<MessagingDbContext>().UseNpgsql(generated.ConnectionString).Options))
        await using (var identity = new IdentityStoreDbContext(new DbContextOptionsBuilder<IdentityStoreDbContext>().UseNpgsql(generated.ConnectionString).Options))
        {
            await generated.ExecuteAsync(identity.Database.GenerateCreateScript());
            await generated.ExecuteAsync(MessagingDbContext.SearchFunctionsSql);
            await generated.ExecuteAsync(domain.Database.GenerateCreateScript());
        }

        var migratedColumns = await DescribeAsync(migrated, ColumnsSql);
        var generatedColumns = await DescribeAsync(generated, ColumnsSql);
        Assert.NotEmpty(generatedColumns);
        Assert.Equal(generatedColumns, migratedColumns.Where(c => !c.StartsWith("schema_migrations.", StringComparison.Ordinal)).ToList());

        var migratedIndexes = await DescribeAsync(migrated, IndexesSql);
        var generatedIndexes = await DescribeAsync(generated, IndexesSql);
        Assert.Equal(generatedIndexes, migratedIndexes.Where(i => !i.StartsWith("schema_migrations", StringComparison.Ordinal)).ToList());

        // The functions the model's columns call; the migrations also hold trigger functions the model knows nothing of.
        var generatedFunctions = await DescribeAsync(generated, FunctionsSql);
        Assert.NotEmpty(generatedFunctions);
        Assert.Subset(new HashSet<string>(await DescribeAsync(migrated, FunctionsSql)), new HashSet<string>(generatedFunctions));
    }

    [Fact]
    public async Task ApplyingMigrationsTwiceOrConcurrentlyAppliesEachFileOnce()
    {
        await using var db = await TestDatabase.CreateAsync("mig");
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);

        var counts = await Task.WhenAll(runner.ApplyAsync(db.ConnectionString), runner.ApplyAsync(db.ConnectionString));
        var again = await runner.ApplyAsync(db.ConnectionString);

        Assert.Equal(MigrationRunner.LoadScripts().Count, counts.Sum());
        Assert.Equal(0, again);
        Assert.Equal(MigrationRunner.LoadScripts().Count, await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    private const string ColumnsSql = """
        SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1
        """;

    private const string IndexesSql = """
        SELECT tablename || ' ' || indexname || ' ' || regexp_replace(indexdef, '^.* USING ', '')
        FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1
        """;

    private const string FunctionsSql = """
        SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prokind = 'f' AND p.prorettype <> 'trigger'::regtype
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        ORDER BY 1
        """;

    private static async Task<List<string>> DescribeAsync(TestDatabase db, string sql)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
