using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Messaging.Core.Search;

/// <summary>
/// Asks PostgreSQL's planner, in one round trip and without running anything, how many of the workspace's
/// messages hold a search's words, how many the search may look at and how many the workspace has
/// (<see cref="SearchEstimate"/>). The word estimate comes from the lexeme frequencies ANALYZE keeps for
/// <c>search_vector</c>, whose lexemes are the workspace's own (<see cref="SearchTerms"/>; AND, OR, phrases and
/// exclusions are weighed as the planner weighs them); the others from the workspace's or the conversations' statistics.
/// </summary>
public static partial class SearchEstimator
{
    /// <param name="connection">An open connection.</param>
    public static async Task<SearchEstimate> EstimateAsync(
        NpgsqlConnection connection, long workspaceId, IReadOnlyList<long>? conversationIds, SearchTerms terms,
        DateTimeOffset? after, DateTimeOffset? before, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var reach = new NpgsqlBatchCommand();
        reach.Parameters.Add(new NpgsqlParameter { Value = conversationIds is null ? workspaceId : conversationIds.ToArray() });
        var sql = conversationIds is null ? "workspace_id = $1" : "conversation_id = ANY($1)";
        foreach (var (bound, op) in new[] { (after, ">="), (before, "<") })
        {
            if (bound is { } value)
            {
                reach.Parameters.Add(new NpgsqlParameter { Value = value });
                sql += $" AND created_at {op} ${reach.Parameters.Count}";
            }
        }

        reach.CommandText = $"EXPLAIN SELECT 1 FROM messages WHERE {sql}";
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("EXPLAIN SELECT 1 FROM messages WHERE search_vector @@ $1")
        {
            Parameters = { new NpgsqlParameter { Value = terms.Query } },
        });
        batch.BatchCommands.Add(reach);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("EXPLAIN SELECT 1 FROM messages WHERE workspace_id = $1")
        {
            Parameters = { new NpgsqlParameter { Value = workspaceId } },
        });
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var matching = await PlannedRowsAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var reachRows = await PlannedRowsAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var workspaceRows = await PlannedRowsAsync(reader, ct);
        return new SearchEstimate(matching, reachRows, workspaceRows);
    }

    /// <summary>The row estimate on the first line of a plan ("... (cost=0.00..1.00 rows=123 width=4)"); the rest is drained.</summary>
    private static async Task<double> PlannedRowsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        double rows = 0;
        var first = true;
        while (await reader.ReadAsync(ct))
        {
            if (first && Rows().Match(reader.GetString(0)) is { Success: true } m)
            {
                rows = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            first = false;
        }

        return rows;
    }

    [GeneratedRegex(@"\brows=(\d+)")]
    private static partial Regex Rows();
}
