using System.Text;
using NpgsqlTypes;

namespace Messaging.Core.Search;

/// <summary>
/// Phrases of common words ("next week") cost the GIN index the most: it can only AND the two words' posting lists
/// (each tens of thousands of rows at a million messages) and then recheck the positions of every row that holds
/// both. So <c>search_vector</c> also holds each pair of adjacent words as one lexeme, "next week" (a space never
/// occurs inside a parsed lexeme; migration 0014, <c>search_vector_with_pairs</c>; stored, like every lexeme, under
/// the workspace: <see cref="SearchTerms"/>). A phrase implies its pairs, so
/// the pairs ANDed into the index condition (<see cref="ImpliedBy"/>) change no result: they give the GIN scan a
/// rare key to skip along and leave little more than the true matches to recheck.
/// </summary>
public static class PhrasePairs
{
    /// <summary>Longer pairs are not stored (a lexeme is at most 2 KB); <c>search_vector_with_pairs</c> has the same limit.</summary>
    public const int MaxBytes = 2000;

    /// <summary>
    /// A query of the pair lexemes that every message matching <paramref name="query"/> holds, or null when no pair
    /// is implied (no phrase, or each phrase sits under OR with an unphrased side, or under NOT).
    /// </summary>
    public static NpgsqlTsQuery? ImpliedBy(NpgsqlTsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query switch
        {
            NpgsqlTsQueryAnd and => Both(ImpliedBy(and.Left), ImpliedBy(and.Right)),
            NpgsqlTsQueryOr or => ImpliedBy(or.Left) is { } left && ImpliedBy(or.Right) is { } right ? new NpgsqlTsQueryOr(left, right) : null,
            NpgsqlTsQueryFollowedBy phrase => Both(Both(ImpliedBy(phrase.Left), ImpliedBy(phrase.Right)), Pair(phrase)),
            _ => null,
        };
    }

    /// <summary>
    /// "x &lt;-&gt; y": the left side's last word directly before the right side's first. PostgreSQL matches a
    /// nested phrase at its last word's position and starts the right side at its first word.
    /// </summary>
    private static NpgsqlTsQueryLexeme? Pair(NpgsqlTsQueryFollowedBy phrase)
    {
        if (phrase.Distance != 1 || Last(phrase.Left) is not { } left || First(phrase.Right) is not { } right)
        {
            return null;
        }

        return Encoding.UTF8.GetByteCount(left.Text) + Encoding.UTF8.GetByteCount(right.Text) < MaxBytes
            ? new NpgsqlTsQueryLexeme(left.Text + " " + right.Text)
            : null;
    }

    private static NpgsqlTsQueryLexeme? First(NpgsqlTsQuery query) => query switch
    {
        NpgsqlTsQueryLexeme lexeme => Plain(lexeme),
        NpgsqlTsQueryFollowedBy phrase => First(phrase.Left),
        _ => null,
    };

    private static NpgsqlTsQueryLexeme? Last(NpgsqlTsQuery query) => query switch
    {
        NpgsqlTsQueryLexeme lexeme => Plain(lexeme),
        NpgsqlTsQueryFollowedBy phrase => Last(phrase.Right),
        _ => null,
    };

    /// <summary>Prefix and weighted lexemes match more than one stored word, so they make no pair.</summary>
    private static NpgsqlTsQueryLexeme? Plain(NpgsqlTsQueryLexeme lexeme) =>
        lexeme.IsPrefixSearch || lexeme.Weights != NpgsqlTsQueryLexeme.Weight.None ? null : lexeme;

    private static NpgsqlTsQuery? Both(NpgsqlTsQuery? left, NpgsqlTsQuery? right) =>
        left is null ? right : right is null ? left : new NpgsqlTsQueryAnd(left, right);
}
