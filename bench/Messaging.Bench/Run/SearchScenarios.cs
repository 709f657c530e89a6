using System.Diagnostics;
using System.Globalization;
using System.Text;
using Messaging.Bench.Dataset;
using Messaging.Bench.Report;
using Messaging.Bench.Stats;
using Messaging.Core.Data;
using Messaging.Core.Search;
using Npgsql;

namespace Messaging.Bench.Run;

/// <summary>How SearchMessages runs a search: the plan, and the words as the workspace's lexemes with the pairs an index search adds (<see cref="SearchTerms"/>).</summary>
public sealed record SearchShape(SearchPlan Plan, SearchTerms Terms);

/// <summary>One search the benchmark makes: the box's text, and the words it gives websearch_to_tsquery.</summary>
public sealed record SearchCase(string Name, string Box, string Words, DateTimeOffset? Before = null);

/// <summary>Who searches: their member row, and whether they see the whole workspace (Admin) or only their conversations (client).</summary>
/// <param name="ConversationIds">A client's conversations, which SearchMessages reads first and passes as an array.</param>
public sealed record Searcher(string Label, string Email, long MemberId, long WorkspaceId, bool IsClient, long[] ConversationIds);

/// <summary>
/// Search at the HTTP endpoint (the page a browser loads) and the same query straight against PostgreSQL,
/// for a staff Admin (the whole workspace: the most messages to search), the client of the longest
/// thread (20,000 messages in one conversation) and an ordinary client, with a frequent and a rare word (the GIN + ORDER BY plan trap), two words, a phrase and a filter.
/// The SQL is the one <c>SearchMessages</c> makes through EF Core (taken from its log), with the same
/// parameters, so the difference between the two figures is the web layer.
/// </summary>
public static class SearchScenarios
{
    private const int Candidates = SearchMessages.RankedCandidates;

    public static async Task<List<SearchCase>> CasesAsync(string connectionString, CancellationToken ct)
    {
        var vocabulary = TextGenerator.CreateDefault().Vocabulary;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT min(created_at) + (max(created_at) - min(created_at)) / 2 FROM messages", connection);
        var middle = new DateTimeOffset((DateTime)(await cmd.ExecuteScalarAsync(ct))!, TimeSpan.Zero);
        var rare = vocabulary[vocabulary.Count - 500];
        var day = middle.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return
        [
            new("one frequent word", "please", "please"),
            new("one rare word", rare, rare),
            new("two words", "budget review", "budget review"),
            new("phrase", "\"next week\"", "\"next week\""),
            new("word + date filter", $"photos before:{day}", "photos", new DateTimeOffset(middle.Date, TimeSpan.Zero)),

            // Issue 19: what only Lucene answers. The SQL peer runs the same words through websearch_to_tsquery, which
            // has no typo tolerance (it finds nothing for the typo) and no prefix (it gets the whole word, stemmed).
            new("typo", "budgte", "budgte"),
            new("prefix", "deliv*", "deliv"),
        ];
    }

    public static async Task<Searcher> SearcherAsync(string connectionString, string label, string email, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT m.id, m.workspace_id, m.kind = 'Client',
                ARRAY(SELECT p.conversation_id FROM conversation_participants p WHERE p.member_id = m.id)
            FROM members m JOIN "AspNetUsers" u ON u."Id" = m.user_id WHERE u."Email" = @email ORDER BY m.id LIMIT 1
            """, connection);
        cmd.Parameters.AddWithValue("email", email);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Searcher(label, email, reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2), reader.GetFieldValue<long[]>(3));
    }

    /// <summary>The first Admin of the workspace the long thread is in.</summary>
    public static async Task<string> AdminEmailAsync(string connectionString, string clientEmail, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT u."Email" FROM members a JOIN "AspNetUsers" u ON u."Id" = a.user_id
            WHERE a.role = 'Admin' AND a.workspace_id = (SELECT c.workspace_id FROM members c JOIN "AspNetUsers" cu ON cu."Id" = c.user_id WHERE cu."Email" = @email LIMIT 1)
            ORDER BY a.id LIMIT 1
            """, connection);
        cmd.Parameters.AddWithValue("email", clientEmail);
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static string Path(Searcher who, SearchCase search) =>
        $"/{(who.IsClient ? "portal" : "staff")}/messages/search?q={Uri.EscapeDataString(search.Box)}";

    /// <summary>
    /// The words as SearchMessages passes them (<see cref="SearchTerms"/>) and the plan it takes for this search:
    /// PostgreSQL's estimates, weighed the same way.
    /// </summary>
    public static async Task<SearchShape> ShapeAsync(NpgsqlConnection connection, Searcher who, SearchCase search, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(search);
        var terms = await SearchTerms.ParseAsync(connection, who.WorkspaceId, search.Words, ct);
        var estimate = await SearchEstimator.EstimateAsync(connection, who.WorkspaceId, who.IsClient ? who.ConversationIds : null, terms, null, search.Before, ct);
        return new SearchShape(estimate.Choose(Candidates), terms);
    }

    /// <summary>
    /// The ranked search's SQL as SearchMessages has EF Core write it for the plan (the id query; the snippet
    /// query for the 20 shown is separate and small): the newest 200 matches, ranked.
    /// </summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, Searcher who, SearchCase search, SearchShape shape, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(shape);
        var plan = shape.Plan;
        var test = plan == SearchPlan.Walk
            ? "ts_match_vq(m.search_vector, @q)"
            : "m.search_vector @@ @q";
        var conditions = new StringBuilder("m.deleted_at IS NULL AND m.kind = 'Text'");
        conditions.Append(who.IsClient
            ? " AND m.workspace_id = @ws AND m.conversation_id = ANY(@conversations) AND m.visibility = 'Everyone' AND m.hidden_at IS NULL"
            : plan == SearchPlan.Index ? " AND m.workspace_id + 0 = @ws" : " AND m.workspace_id = @ws");
        conditions.Append(" AND ").Append(test);
        if (plan == SearchPlan.Index && shape.Terms.Pairs is not null)
        {
            conditions.Append(" AND m.search_vector @@ @pairs");
        }
        if (search.Before is not null)
        {
            conditions.Append(" AND m.created_at < @before");
        }

        var newest = who.IsClient && plan == SearchPlan.Walk
            ? $"""
                SELECT w.id, w.created_at, w.search_vector FROM conversations AS c
                JOIN LATERAL (SELECT m.id, m.created_at, m.search_vector FROM messages AS m
                    WHERE {conditions} AND m.conversation_id = c.id
                    ORDER BY m.created_at DESC, m.id DESC LIMIT @candidates) AS w ON TRUE
                WHERE c.id = ANY(@conversations)
                ORDER BY w.created_at DESC, w.id DESC LIMIT @candidates
                """
            : $"""
                SELECT m.id, m.created_at, m.search_vector FROM messages AS m
                WHERE {conditions}
                ORDER BY m.created_at DESC, m.id DESC LIMIT @candidates
                """;
        var sql = $"""
            {(explain ? "EXPLAIN (ANALYZE, BUFFERS) " : "")}SELECT m0.id FROM ({newest}) AS m0
            ORDER BY ts_rank(m0.search_vector, @q) DESC, m0.created_at DESC, m0.id DESC
            LIMIT 21 OFFSET 0
            """;
        var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("ws", who.WorkspaceId);
        cmd.Parameters.AddWithValue("conversations", who.ConversationIds);
        cmd.Parameters.AddWithValue("q", shape.Terms.Query);
        cmd.Parameters.AddWithValue("candidates", Candidates);
        if (plan == SearchPlan.Index && shape.Terms.Pairs is { } pairs)
        {
            cmd.Parameters.AddWithValue("pairs", pairs);
        }
        if (search.Before is { } before)
        {
            cmd.Parameters.AddWithValue("before", before);
        }

        return cmd;
    }

    public static async Task<(LatencySummary Latency, SearchPlan Plan)> SqlAsync(string connectionString, Searcher who, SearchCase search, int samples, TimeSpan limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(connectionString, ct);
        var shape = await ShapeAsync(connection, who, search, ct);
        for (var i = 0; i < 5; i++)
        {
            await using var warm = Command(connection, who, search, shape);
            await using var r = await warm.ExecuteReaderAsync(ct);
        }

        var latencies = new List<double>(samples);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples && clock.Elapsed < limit; i++)
        {
            await using var cmd = Command(connection, who, search, shape);
            var start = Stopwatch.GetTimestamp();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                }
            }

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return (LatencySummary.From(latencies, clock.Elapsed.TotalSeconds), shape.Plan);
    }

    /// <summary>A connection planning as the portal's do (<see cref="PlannerSettings"/>).</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(PlannerSettings.Apply(connectionString));
        await connection.OpenAsync(ct);
        return connection;
    }

    public static async Task<string> ExplainAsync(string connectionString, Searcher who, SearchCase search, CancellationToken ct)
    {
        await using var connection = await OpenAsync(connectionString, ct);
        await using var cmd = Command(connection, who, search, await ShapeAsync(connection, who, search, ct), explain: true);
        var plan = new StringBuilder();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }

    /// <summary>Measures every case for both searchers, and keeps the plan of the case whose SQL p99 is worst.</summary>
    /// <remarks>HTTP: the fragment live search asks for (HX-Target search-results), which is what typing costs.</remarks>
    public static async Task MeasureAsync(BenchResults results, string connectionString, IReadOnlyList<(Searcher Who, PortalSession Session)> searchers, bool quick, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(results);
        var cases = await CasesAsync(connectionString, ct);
        var samples = quick ? 100 : 300;
        var limit = TimeSpan.FromSeconds(quick ? 15 : 45);
        (double P99, Searcher Who, SearchCase Case)? slowest = null;
        foreach (var (who, session) in searchers)
        {
            foreach (var search in cases)
            {
                var name = $"search: {who.Label}, {search.Name}";
                var http = await Measurements.PageAsync(session, Path(who, search), samples, limit, ct, htmxTarget: "search-results");
                var (sql, plan) = await SqlAsync(connectionString, who, search, samples, limit, ct);
                results.Latencies[$"{name} (HTTP)"] = http;
                results.Latencies[$"{name} (SQL, {plan.ToString().ToLowerInvariant()} plan)"] = sql;
                Console.WriteLine($"  {name}: HTTP {http.Describe()}; SQL ({plan}) {sql.Describe()}");
                results.Figures.Add(new Figure($"{name}, HTTP p50 / p99", Ms2(http.P50, http.P99), "≤ 10 / ≤ 100 ms", http.P50 <= 10 && http.P99 <= 100));
                if (slowest is null || sql.P99 > slowest.Value.P99)
                {
                    slowest = (sql.P99, who, search);
                }
            }
        }

        var writer = searchers.FirstOrDefault(x => x.Who.IsClient && x.Who.ConversationIds.Length > 0);
        if (writer.Who is not null)
        {
            var searchable = await CommitToSearchableAsync(writer.Session, writer.Who, quick ? 20 : 50, ct);
            results.Latencies["search: commit to searchable (reply POST answered → first search that finds it, HTTP)"] = searchable;
            Console.WriteLine($"  commit to searchable: {searchable.Describe()}");
            results.Figures.Add(new Figure("search: commit to searchable p50 / p99", Ms2(searchable.P50, searchable.P99), "≤ 1000 ms", searchable.P99 <= 1000));
        }

        var (firstWho, firstSession) = searchers[0];
        var page = await Measurements.PageAsync(firstSession, Path(firstWho, cases[0]), samples, limit, ct);
        results.Latencies[$"search: {firstWho.Label}, {cases[0].Name} (HTTP, whole page with navigation)"] = page;
        Console.WriteLine($"  whole search page: {page.Describe()}");

        if (slowest is { } s)
        {
            var plan = await ExplainAsync(connectionString, s.Who, s.Case, ct);
            results.Plans[$"search: {s.Who.Label}, {s.Case.Name} (slowest SQL p99), box \u201C{s.Case.Box}\u201D"] = plan;
        }

        results.Notes.Add($"Search: relevance ranks the newest {Candidates} matches (SearchMessages.RankedCandidates); the HTTP figures are the results fragment live search requests while typing (htmx; everything but the layout and its navigation: access check, ranked ids, snippets, rendering), with one whole-page figure for comparison; the SQL figure is the ranked id query alone, on one connection, with the plan SearchMessages chose from PostgreSQL's estimates (walk: newest first, testing each message; index: the GIN index).");
    }

    /// <summary>
    /// Posts a reply with a word of its own, then searches for it until the hit appears: from the moment the POST was
    /// answered (its transaction committed) to the first search that shows it. The search itself reads the feed first,
    /// so on this node this is about one search; another node sees it within its poll interval (250 ms) plus a refresh.
    /// </summary>
    private static async Task<LatencySummary> CommitToSearchableAsync(PortalSession session, Searcher who, int samples, CancellationToken ct)
    {
        var conversationId = who.ConversationIds[0];
        var token = await session.TokenFromAsync(string.Create(CultureInfo.InvariantCulture, $"/portal/messages/{conversationId}"), ct);
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var word = "probe" + Guid.NewGuid().ToString("N")[..12];
            if (!await Measurements.PostReplyAsync(session, conversationId, token, $"Search probe {word}", ct))
            {
                continue;
            }

            var committed = Stopwatch.StartNew();
            for (var attempt = 0; attempt < 200; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/portal/messages/search?q={word}&sort=newest", UriKind.Relative));
                request.Headers.Add("HX-Request", "true");
                request.Headers.Add("HX-Target", "search-results");
                using var response = await session.Http.SendAsync(request, ct);
                var html = await response.Content.ReadAsStringAsync(ct);
                if (html.Contains("data-testid=\"search-result\"", StringComparison.Ordinal))
                {
                    latencies.Add(committed.Elapsed.TotalMilliseconds);
                    break;
                }

                await Task.Delay(5, ct);
            }
        }

        return LatencySummary.From(latencies, clock.Elapsed.TotalSeconds);
    }

    private static string Ms2(double p50, double p99) => string.Create(CultureInfo.InvariantCulture, $"{p50:0.0} / {p99:0.0} ms");
}
