using Npgsql;

namespace Messaging.Core.Data;

/// <summary>
/// Session settings the portal's connections carry (libpq <c>options</c>, so they cost no round trip).
/// <c>random_page_cost = 1.1</c>: PostgreSQL's default of 4 prices a random page as a spinning disk would,
/// which makes the planner sort a whole index result rather than walk an index in order and stop early; on
/// SSDs and with the working set in memory (a warm portal) 1.1 is the usual setting. Search's newest-first
/// walks (<see cref="Search.SearchPlan.Walk"/>) depend on it.
/// </summary>
public static class PlannerSettings
{
    public const string Options = "-c random_page_cost=1.1";

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("random_page_cost", StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? Options : $"{builder.Options} {Options}";
        }

        return builder.ConnectionString;
    }
}
