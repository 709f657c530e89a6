using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Messaging.Core.Search;

/// <summary>
/// The words of the search box as a Lucene query over the text fields only (<see cref="SearchDocument.TextFields"/>),
/// with the syntax the box has always had (websearch_to_tsquery's): words, <c>"phrases"</c>, <c>OR</c>,
/// <c>-word</c>, plus <c>word*</c> for a prefix. It is not Lucene's QueryParser: a field name, <c>*:*</c>, brackets,
/// boosts or ranges typed by a member are just characters of words here, and the analyzer drops what is not a word,
/// so nothing typed can name another field, widen the filters (applied apart, <see cref="FindMessages"/>), or nest.
/// Every expansion is bounded: at most <see cref="MaxItems"/> items, fuzzy terms to <see cref="FuzzyExpansions"/>
/// each, prefixes of at least <see cref="MinPrefix"/> characters rewritten to at most <see cref="PrefixExpansions"/> terms.
/// </summary>
public static class SearchTextQuery
{
    public const int MaxItems = 32;
    public const int FuzzyExpansions = 50;
    public const int PrefixExpansions = 256;
    public const int MinPrefix = 2;

    /// <summary>
    /// The query for <paramref name="text"/>, or null when it holds no word to search for (only stop words or punctuation).
    /// <paramref name="tolerant"/> also accepts each word with a typo or as the start of a longer word (the second try,
    /// when the words as typed find nothing).
    /// </summary>
    public static Query? Build(string text, Analyzer analyzer, bool tolerant)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analyzer);
        var must = new List<Query>();
        var mustNot = new List<Query>();
        var groups = Group(Items(text));
        foreach (var group in groups.Take(MaxItems))
        {
            if (group.Count == 1 && group[0].Negated)
            {
                if (ItemQuery(group[0], analyzer, tolerant: false) is { } q)
                {
                    mustNot.Add(q);
                }

                continue;
            }

            var alternatives = group.Select(i => ItemQuery(i, analyzer, tolerant)).OfType<Query>().ToList();
            if (alternatives.Count == 1)
            {
                must.Add(alternatives[0]);
            }
            else if (alternatives.Count > 1)
            {
                var or = new BooleanQuery();
                foreach (var a in alternatives)
                {
                    or.Add(a, Occur.SHOULD);
                }

                must.Add(or);
            }
        }

        if (must.Count == 0 && mustNot.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        if (must.Count == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        foreach (var q in must)
        {
            query.Add(q, Occur.MUST);
        }

        foreach (var q in mustNot)
        {
            query.Add(q, Occur.MUST_NOT);
        }

        return query;
    }

    /// <summary>The plain words of <paramref name="text"/> as typed (not negated, not phrases): what "did you mean" may correct.</summary>
    public static IReadOnlyList<string> PlainWords(string text) =>
        Items(text).Where(i => !i.Negated && !i.Phrase && !i.Prefix && !i.IsOr).Select(i => i.Text).ToList();

    /// <summary>The analyzed terms of <paramref name="text"/> with their positions (stop words leave gaps).</summary>
    public static List<(string Term, int Position)> Analyze(Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }

        stream.End();
        return terms;
    }

    private static BooleanQuery? ItemQuery(Item item, Analyzer analyzer, bool tolerant)
    {
        if (item.Prefix)
        {
            var prefix = Letters(item.Text).ToLowerInvariant();
            return prefix.Length >= MinPrefix ? AnyField(f => PrefixOf(f, prefix)) : null;
        }

        var terms = Analyze(analyzer, SearchDocument.Body, item.Text);
        if (terms.Count == 0)
        {
            return null;
        }

        if (terms.Count > 1)
        {
            return AnyField(f =>
            {
                var phrase = new PhraseQuery();
                foreach (var (term, position) in terms)
                {
                    phrase.Add(new Term(f, term), position);
                }

                return phrase;
            });
        }

        var word = terms[0].Term;
        if (!tolerant || word.Length < 4)
        {
            return AnyField(f => new TermQuery(new Term(f, word)));
        }

        // A typo (one edit in short words, two from six letters), or the start of a longer word as typed.
        var raw = Letters(item.Text).ToLowerInvariant();
        return AnyField(f =>
        {
            var either = new BooleanQuery
            {
                { new TermQuery(new Term(f, word)) { Boost = 2 }, Occur.SHOULD },
                { new FuzzyQuery(new Term(f, word), word.Length >= 6 ? 2 : 1, 1, FuzzyExpansions, true), Occur.SHOULD },
            };
            if (raw.Length >= 3)
            {
                either.Add(PrefixOf(f, raw), Occur.SHOULD);
            }

            return either;
        });
    }

    private static PrefixQuery PrefixOf(string field, string prefix) =>
        new(new Term(field, prefix)) { MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(PrefixExpansions) };

    private static BooleanQuery AnyField(Func<string, Query> perField)
    {
        var any = new BooleanQuery();
        foreach (var field in SearchDocument.TextFields)
        {
            any.Add(perField(field), Occur.SHOULD);
        }

        return any;
    }

    private static string Letters(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                letters.Append(rune.ToString());
            }
        }

        return letters.ToString();
    }

    /// <summary>Groups of alternatives: <c>a OR b c</c> is (a, b) and (c); <c>OR</c> at either end, or beside a negation, is a word.</summary>
    private static List<List<Item>> Group(List<Item> items)
    {
        var groups = new List<List<Item>>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var joins = item.IsOr && groups.Count > 0 && i + 1 < items.Count && !items[i + 1].Negated && !items[i + 1].IsOr
                && !groups[^1][^1].Negated;
            if (joins)
            {
                groups[^1].Add(items[++i]);
                continue;
            }

            groups.Add([item with { IsOr = false }]);
        }

        // Repeats add nothing but work ("palette palette ..."): each distinct group once.
        return groups.DistinctBy(g => string.Join('\u0001', g.Select(i => $"{i.Negated}{i.Phrase}{i.Prefix}{i.Text}"))).ToList();
    }

    private static List<Item> Items(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                items.Add(new Item(text[(i + 1)..end], negated, Phrase: true, Prefix: false, IsOr: false));
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var word = text[start..i];
            var prefix = word.Length > 1 && word.EndsWith('*') && !word.StartsWith('*');
            items.Add(new Item(prefix ? word.TrimEnd('*') : word, negated, Phrase: false, prefix, IsOr: !negated && word == "OR"));
        }

        return items;
    }

    private sealed record Item(string Text, bool Negated, bool Phrase, bool Prefix, bool IsOr);
}
