using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Util;

namespace Messaging.Core.Search;

/// <summary>
/// The analyzers a workspace's messages are indexed and searched with, one per language (stemming and stop words
/// of that language). Lucene's analyzers are thread-safe and reused by every index and search of this process.
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string English = "english";

    /// <summary>The languages a workspace may choose (company settings), by their stored name, with what the page shows.</summary>
    public static IReadOnlyList<(string Name, string Label)> Languages { get; } =
    [
        (English, "English"),
        ("spanish", "Spanish (Español)"),
        ("german", "German (Deutsch)"),
        ("french", "French (Français)"),
    ];

    private static readonly Dictionary<string, Analyzer> ByName = new(StringComparer.Ordinal)
    {
        [English] = new EnglishAnalyzer(Version),
        ["spanish"] = new SpanishAnalyzer(Version),
        ["german"] = new GermanAnalyzer(Version),
        ["french"] = new FrenchAnalyzer(Version),
    };

    public static bool IsKnown(string? language) => language is not null && ByName.ContainsKey(language);

    /// <summary>The analyzer of <paramref name="language"/>; English for anything unknown.</summary>
    public static Analyzer For(string? language) => language is not null && ByName.TryGetValue(language, out var a) ? a : ByName[English];
}
