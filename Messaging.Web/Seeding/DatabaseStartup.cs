using Messaging.Core.Data;

namespace Messaging.Web.Seeding;

/// <summary>Brings the database up to date at startup (migrations under an advisory lock) and seeds demo data where allowed.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var connectionString = app.Configuration.GetConnectionString("Messaging")!;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyAsync(connectionString);

        var seedDemo = app.Configuration.GetValue("Messaging:SeedDemoData", !app.Environment.IsProduction());
        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
    }
}
