using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Messaging.Core.Search;

/// <summary>
/// A search's words as <c>search_vector</c> holds them. The vector stores every lexeme under its workspace's id
/// ("12 budget"; migration 0014, <c>search_vector_in</c>), so a word's GIN posting list is its workspace's alone:
/// two common words are intersected over one company's messages, not every company's, and no message of another
/// workspace ever reaches the heap. The query is PostgreSQL's own parse of the text (websearch_to_tsquery: stemming,
/// phrases, OR, exclusions), rewritten lexeme by lexeme into the same form, with the word pairs its phrases imply
/// (<see cref="PhrasePairs"/>).
/// </summary>
/// <param name="Query">What the stored vector must match.</param>
/// <param name="Pairs">Pair lexemes every match holds, for the index condition; null when the query has no phrase.</param>
public sealed record SearchTerms(NpgsqlTsQuery Query, NpgsqlTsQuery? Pairs)
{
    /// <summary>Longer stored lexemes are left out (a lexeme is at most 2,047 bytes); <c>search_vector_in</c> has the same limit.</summary>
    public const int MaxLexemeBytes = 2046;

    /// <summary>Only stop words, or nothing PostgreSQL would index: nothing can match.</summary>
    public bool IsEmpty => Query is NpgsqlTsQueryEmpty;

    /// <param name="connection">An open connection.</param>
    public static async Task<SearchTerms> ParseAsync(NpgsqlConnection connection, long workspaceId, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = new NpgsqlCommand("SELECT websearch_to_tsquery('english', $1)", connection) { Parameters = { new() { Value = text } } };
        var parsed = await cmd.ExecuteScalarAsync(ct) as NpgsqlTsQuery ?? new NpgsqlTsQueryEmpty();
        return new SearchTerms(InWorkspace(parsed, workspaceId), PhrasePairs.ImpliedBy(parsed) is { } pairs ? InWorkspace(pairs, workspaceId) : null);
    }

    /// <summary>The query with each lexeme under the workspace, as <c>search_vector_in</c> stores them.</summary>
    public static NpgsqlTsQuery InWorkspace(NpgsqlTsQuery query, long workspaceId) => query switch
    {
        NpgsqlTsQueryLexeme lexeme => new NpgsqlTsQueryLexeme(Stored(workspaceId, lexeme.Text), lexeme.Weights, lexeme.IsPrefixSearch),
        NpgsqlTsQueryAnd and => new NpgsqlTsQueryAnd(InWorkspace(and.Left, workspaceId), InWorkspace(and.Right, workspaceId)),
        NpgsqlTsQueryOr or => new NpgsqlTsQueryOr(InWorkspace(or.Left, workspaceId), InWorkspace(or.Right, workspaceId)),
        NpgsqlTsQueryFollowedBy phrase => new NpgsqlTsQueryFollowedBy(InWorkspace(phrase.Left, workspaceId), phrase.Distance, InWorkspace(phrase.Right, workspaceId)),
        NpgsqlTsQueryNot not => new NpgsqlTsQueryNot(InWorkspace(not.Child, workspaceId)),
        _ => query,
    };

    /// <summary>
    /// "12 budget". A lexeme too long to store under its workspace is stored nowhere, so it becomes "12 " with a
    /// trailing space, which no stored lexeme is (a parsed lexeme is never empty and holds no space at either end).
    /// </summary>
    private static string Stored(long workspaceId, string lexeme)
    {
        var stored = $"{workspaceId} {lexeme}";
        return Encoding.UTF8.GetByteCount(stored) <= MaxLexemeBytes ? stored : $"{workspaceId}  ";
    }
}
