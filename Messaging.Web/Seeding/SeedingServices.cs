namespace Messaging.Web.Seeding;

public static class SeedingServices
{
    /// <summary>The demo data <c>./run.sh</c> and the tests start with (run at start-up when <c>Messaging:SeedDemoData</c> is on).</summary>
    public static IServiceCollection AddDemoSeed(this IServiceCollection services) => services.AddScoped<DemoSeeder>();
}
