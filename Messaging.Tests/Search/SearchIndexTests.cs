using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Messaging.Tests.Search;

/// <summary>
/// The index follows the feed: two nodes on one database, transactions that commit out of order, a restart
/// that catches up from the last commit, and a corrupt index that is rebuilt.
/// </summary>
public sealed class SearchIndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    private const string Insert = """
        INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
        SELECT workspace_id, id, (SELECT id FROM members WHERE workspace_id = c.workspace_id LIMIT 1), @body, 'Everyone', now()
        FROM conversations c WHERE subject = 'Moodboard feedback'
        """;

    private async Task WriteAsync(string body)
    {
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(Insert, connection);
        cmd.Parameters.AddWithValue("body", body);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Messages holding <paramref name="word"/> as indexed (stemmed: a random word may end in "s" or "ed").</summary>
    private static int Count(SearchIndex index, string word)
    {
        var term = SearchTextQuery.Analyze(SearchAnalyzers.For(null), SearchDocument.Body, word).Single().Term;
        return index.Search(s => s.Search(new TermQuery(new Term(SearchDocument.Body, term)), 10).TotalHits);
    }

    private SearchIndex NewIndex(string folder) => new(
        Options.Create(new SearchIndexOptions { IndexPath = folder }),
        factory.Services.GetRequiredService<IServiceScopeFactory>(),
        NullLogger<SearchIndex>.Instance);

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "messaging-test-search", "t" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TwoNodesOnOneDatabaseEachFollowTheFeed()
    {
        var second = new SecondNodeFactory(factory.Database);
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            var one = factory.Services.GetRequiredService<SearchIndex>();
            var two = second.Services.GetRequiredService<SearchIndex>();
            Assert.True(await two.WaitReadyAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
            Assert.NotEqual(one.Root, two.Root);

            var w = NewWord();
            await WriteAsync($"{w} written once, found on both nodes");
            await one.CatchUpAsync(CancellationToken.None);
            await two.CatchUpAsync(CancellationToken.None);

            Assert.Equal(1, Count(one, w));
            Assert.Equal(1, Count(two, w));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync(); // the shared database stays; the second node's index folder goes
        }
    }

    [Fact]
    public async Task ARowThatCommitsAfterAHigherPositionIsStillApplied()
    {
        var index = factory.Services.GetRequiredService<SearchIndex>();
        Assert.True(await index.WaitReadyAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        var early = NewWord();
        var late = NewWord();

        await using var slow = new NpgsqlConnection(factory.Database.ConnectionString);
        await slow.OpenAsync();
        await using var tx = await slow.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand(Insert, slow, tx))
        {
            cmd.Parameters.AddWithValue("body", $"{early} took its position first, commits last");
            await cmd.ExecuteNonQueryAsync();
        }

        await WriteAsync($"{late} took its position second, commits first");
        await index.CatchUpAsync(CancellationToken.None);
        Assert.Equal(1, Count(index, late));
        Assert.Equal(0, Count(index, early));

        await tx.CommitAsync();
        await index.CatchUpAsync(CancellationToken.None);
        Assert.Equal(1, Count(index, early));
        Assert.Equal(1, Count(index, late));
    }

    [Fact]
    public async Task ARestartCatchesUpFromTheLastCommitWithoutRebuilding()
    {
        var folder = TempFolder();
        try
        {
            var before = NewWord();
            var whileDown = NewWord();
            using (var index = NewIndex(folder))
            {
                await index.OpenAsync(CancellationToken.None);
                Assert.NotNull(index.Status.LastRebuildAt);
                await WriteAsync($"{before} indexed before the restart");
                await index.CatchUpAsync(CancellationToken.None);
                await index.CommitAsync(CancellationToken.None);
                Assert.Equal(1, Count(index, before));
            }

            await WriteAsync($"{whileDown} written while the node was down");
            using (var index = NewIndex(folder))
            {
                await index.OpenAsync(CancellationToken.None);
                Assert.Null(index.Status.LastRebuildAt);
                Assert.Equal(1, Count(index, before));
                Assert.Equal(1, Count(index, whileDown));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ACorruptIndexIsRebuiltAndAnOnDemandRebuildKeepsAnswering()
    {
        var folder = TempFolder();
        try
        {
            var w = NewWord();
            await WriteAsync($"{w} survives a broken index");
            using (var index = NewIndex(folder))
            {
                await index.OpenAsync(CancellationToken.None);
            }

            var generation = Directory.EnumerateDirectories(folder).Single();
            foreach (var file in Directory.EnumerateFiles(generation, "segments*"))
            {
                await File.WriteAllTextAsync(file, "not an index");
            }

            using (var index = NewIndex(folder))
            {
                await index.OpenAsync(CancellationToken.None);
                Assert.NotNull(index.Status.LastRebuildAt);
                Assert.Equal(1, Count(index, w));

                var rebuild = index.RebuildAsync(CancellationToken.None);
                Assert.Equal(1, Count(index, w)); // the old index answers while the new one is built
                Assert.True(await rebuild);
                Assert.Equal(1, Count(index, w));
                Assert.NotEqual(generation, index.Status.Folder);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
