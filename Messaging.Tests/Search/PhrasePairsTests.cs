using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace Messaging.Tests.Search;

/// <summary>
/// The word pairs a phrase adds to the index condition (<see cref="PhrasePairs"/>) must never change what a search
/// finds: every message that matches the query holds the pairs. Checked against PostgreSQL's own parse of the
/// query and the stored vector (search_vector_with_pairs from the migrations), not a copy of either.
/// </summary>
public sealed class PhrasePairsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("\"next week\"", "'next week'")]
    [InlineData("\"next weeks\" budget", "'next week'")] // stemmed, and the plain word adds nothing
    [InlineData("\"the big red balloon\"", "'big red' & 'red balloon'")]
    [InlineData("\"end of the week\"", null)] // stop words in between: the words are not adjacent
    [InlineData("\"next week\" OR budget", null)] // budget alone may match
    [InlineData("\"next week\" OR \"last month\"", "'next week' | 'last month'")]
    [InlineData("-\"next week\" budget", null)]
    [InlineData("e-mail", "'e-mail e' & 'e mail'")] // a hyphenated word is a phrase of its parts too
    [InlineData("next week", null)]
    public async Task APhraseImpliesItsAdjacentPairs(string text, string? expected)
    {
        var implied = PhrasePairs.ImpliedBy(await ParseAsync(text));

        Assert.Equal(expected, implied?.ToString());
    }

    [Fact]
    public async Task ThePairsNeverChangeWhatAQueryMatches()
    {
        string[] documents =
        [
            "We meet next week to talk budget.",
            "Next, week one: the budget.",
            "next-week planning for the big red balloon",
            "The balloon is big and red, next to the week planner.",
            "end of the week review; the e-mail went out",
            "Send the e-mail. Mail the E team next week, or the week after next.",
            "bye bye big red balloon bye",
            "Invoice attached",
            "\"next week\" OR budget -- '; DROP TABLE messages; --",
        ];
        string[] queries =
        [
            "\"next week\"", "\"week next\"", "\"big red balloon\"", "\"red big\"", "\"bye bye\"", "\"bye big\"",
            "e-mail", "\"e mail\"", "\"next week\" budget", "\"next week\" OR \"big red\"", "-\"next week\" budget",
            "\"the week after next\"", "\"balloon bye\" OR invoice", "\"drop table messages\"",
        ];

        var guarded = 0;
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var text in queries)
        {
            if (PhrasePairs.ImpliedBy(await ParseAsync(text)) is not { } pairs)
            {
                continue;
            }

            guarded++;
            await using var cmd = new NpgsqlCommand("""
                SELECT d, v @@ q, v @@ q AND v @@ $3
                FROM unnest($1::text[]) d,
                     LATERAL (SELECT search_vector_with_pairs(to_tsvector('english', d)) AS v, websearch_to_tsquery('english', $2) AS q) x
                """, connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = documents });
            cmd.Parameters.Add(new NpgsqlParameter { Value = text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = pairs });
            await using var reader = await cmd.ExecuteReaderAsync();
            var matched = 0;
            while (await reader.ReadAsync())
            {
                Assert.True(reader.GetBoolean(1) == reader.GetBoolean(2), $"{text} against \"{reader.GetString(0)}\": {reader.GetBoolean(1)} without the pairs {pairs}");
                matched += reader.GetBoolean(1) ? 1 : 0;
            }

            Assert.True(matched > 0 || text.Contains("red big", StringComparison.Ordinal) || text.Contains("week next", StringComparison.Ordinal) || text.Contains("bye big", StringComparison.Ordinal),
                $"{text} matched no document, so it checks nothing");
        }

        Assert.True(guarded >= 10, $"only {guarded} queries had pairs");
    }

    [Fact]
    public async Task AStoredMessageHoldsItsPairsAndLosesThemWhenDeleted()
    {
        var id = await factory.Database.ScalarAsync<long>(
            "UPDATE messages SET body = 'Quarterly numbers next week' WHERE id = (SELECT min(id) FROM messages WHERE kind = 'Text') RETURNING id");

        Assert.True(await factory.Database.ScalarAsync<bool>(
            $"SELECT search_vector @@ format('''%1$s next week'' & ''%1$s quarter number''', workspace_id)::tsquery FROM messages WHERE id = {id}"));
        await factory.Database.ExecuteAsync($"UPDATE messages SET deleted_at = now() WHERE id = {id}");
        Assert.Equal(string.Empty, await factory.Database.ScalarAsync<string>($"SELECT search_vector::text FROM messages WHERE id = {id}"));
    }

    private async Task<NpgsqlTsQuery> ParseAsync(string text)
    {
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT websearch_to_tsquery('english', $1)", connection) { Parameters = { new() { Value = text } } };
        return (NpgsqlTsQuery)(await cmd.ExecuteScalarAsync())!;
    }
}
