using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;
using Npgsql;

namespace Messaging.Tests.Search;

/// <summary>
/// The stored vector holds each lexeme under its workspace (search_vector_in) and the query is rewritten the same way
/// (<see cref="SearchTerms"/>): a query must match a stored message exactly when the plain query matches the plain
/// text, whatever the words hold (quotes, backslashes, colons, phrases, prefixes), and never a message of another workspace.
/// </summary>
public sealed class SearchTermsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Documents =
    [
        "We meet next week to talk budget.",
        "O'Brien's file is at /usr/lo'cal\\x and http://ex.com/a'b\\c",
        "e-mail the Q3:report to bob@example.com, next-week",
        "Invoice attached; see invoice.pdf",
        "''; DROP TABLE messages; -- \\\\",
    ];

    private static readonly string[] Queries =
    [
        "budget", "\"next week\"", "o'brien", "/usr/lo'cal", "ex.com/a'b", "e-mail", "q3:report", "bob@example.com",
        "invoice -budget", "\"next week\" OR invoice", "drop table", "\\\\", "meets", "\"week next\"",
    ];

    [Fact]
    public async Task AQueryMatchesTheStoredVectorExactlyWhenItMatchesTheText()
    {
        await using var connection = await OpenAsync();
        var compared = 0;
        var matched = 0;
        foreach (var text in Queries)
        {
            var terms = await SearchTerms.ParseAsync(connection, 42, text, default);
            var other = await SearchTerms.ParseAsync(connection, 4, text, default);
            if (terms.IsEmpty)
            {
                // Nothing PostgreSQL indexes (SearchMessages answers with no results before any query).
                await using var plain = new NpgsqlCommand("SELECT bool_or(to_tsvector('english', d) @@ websearch_to_tsquery('english', $2)) FROM unnest($1::text[]) d", connection);
                plain.Parameters.Add(new NpgsqlParameter { Value = Documents });
                plain.Parameters.Add(new NpgsqlParameter { Value = text });
                Assert.False((bool)(await plain.ExecuteScalarAsync())!, $"{text} is empty as terms but matches text");
                continue;
            }

            await using var cmd = new NpgsqlCommand("""
                SELECT d, to_tsvector('english', d) @@ websearch_to_tsquery('english', $2), v @@ $3, v @@ $4, v::text
                FROM unnest($1::text[]) d, LATERAL (SELECT search_vector_in(42, search_vector_with_pairs(to_tsvector('english', d))) AS v) x
                """, connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = Documents });
            cmd.Parameters.Add(new NpgsqlParameter { Value = text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = terms.Query });
            cmd.Parameters.Add(new NpgsqlParameter { Value = other.Query });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var expected = reader.GetBoolean(1);
                Assert.True(expected == reader.GetBoolean(2), $"{text} ({terms.Query}) against {reader.GetString(4)}: expected {expected}");
                Assert.False(reader.GetBoolean(3), $"{text} in workspace 4 matched workspace 42's {reader.GetString(4)}");
                compared++;
                matched += expected ? 1 : 0;
            }
        }

        Assert.True(compared >= (Queries.Length - 1) * Documents.Length, $"only {compared} comparisons");
        Assert.True(matched >= Queries.Length - 2, $"only {matched} matches: the comparison checks too little");
    }

    [Fact]
    public async Task StopWordsAloneAreEmptyAndAPhraseCarriesItsPairs()
    {
        await using var connection = await OpenAsync();

        Assert.True((await SearchTerms.ParseAsync(connection, 7, "the and of", default)).IsEmpty);
        var phrase = await SearchTerms.ParseAsync(connection, 7, "\"next weeks\" budget", default);
        Assert.False(phrase.IsEmpty);
        Assert.Equal("( '7 next' <-> '7 week' ) & '7 budget'", phrase.Query.ToString());
        Assert.Equal("'7 next week'", phrase.Pairs?.ToString());
    }

    [Fact]
    public async Task AWordTooLongToStoreMatchesNothingAndFailsNothing()
    {
        await using var connection = await OpenAsync();
        var word = new string('x', 2040);

        var terms = await SearchTerms.ParseAsync(connection, 123456, word, default);
        await using var cmd = new NpgsqlCommand("SELECT search_vector_in(123456, to_tsvector('english', $1)) @@ $2", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = word });
        cmd.Parameters.Add(new NpgsqlParameter { Value = terms.Query });

        Assert.False((bool)(await cmd.ExecuteScalarAsync())!);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
