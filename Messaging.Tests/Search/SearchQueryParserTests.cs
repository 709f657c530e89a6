using Messaging.Core.Search;

namespace Messaging.Tests.Search;

/// <summary>The search box's operator language, and the snippet HTML, without a database.</summary>
public sealed class SearchQueryParserTests
{
    [Fact]
    public void OperatorsBecomeFiltersAndTheRestStaysTextForWebsearch()
    {
        var q = SearchQueryParser.Parse("\"final proof\" from:\"Sam Staff\" in:kickoff project:Spring has:attachment file:contract OR budget -draft before:2025-03-31 after:2025-01-01 is:unread is:archived");

        Assert.Equal("\"final proof\" OR budget -draft", q.Text);
        Assert.Equal(new SearchFilters
        {
            From = "Sam Staff",
            In = "kickoff",
            Project = "Spring",
            HasAttachment = true,
            File = "contract",
            Before = new DateOnly(2025, 3, 31),
            After = new DateOnly(2025, 1, 1),
            IsUnread = true,
            IsArchived = true,
        }, q.Filters);
        Assert.Empty(q.Warnings);
    }

    [Fact]
    public void ComposeWritesTheSameSearchBackAsOneBox()
    {
        var q = SearchQueryParser.Parse("palette FROM:\"Sam Staff\" is:Unread after:2025-01-01");

        Assert.Equal("palette from:\"Sam Staff\" after:2025-01-01 is:unread", q.Compose());
        Assert.Equal(q, SearchQueryParser.Parse(q.Compose()) with { Warnings = q.Warnings });
    }

    [Theory]
    [InlineData("colour:red palette", "colour:red palette", "is not a search filter")]
    [InlineData("before:tomorrow palette", "palette", "is not a date")]
    [InlineData("has:pictures palette", "palette", "has:attachment")]
    [InlineData("is:starred palette", "palette", "is:unread")]
    [InlineData("from: palette", "palette", "needs a value")]
    [InlineData("\"unclosed palette", "unclosed palette", "quotation mark")]
    public void WhatCannotBeUsedIsDroppedOrSearchedAsTextWithAWarning(string raw, string text, string warning)
    {
        var q = SearchQueryParser.Parse(raw);

        Assert.Equal(text, q.Text);
        Assert.Contains(warning, Assert.Single(q.Warnings), StringComparison.Ordinal);
        Assert.Null(q.Error);
    }

    [Fact]
    public void TimesLinksAndSqlAreJustText()
    {
        Assert.Equal("meet at 10:30", SearchQueryParser.Parse("meet at 10:30").Text);
        Assert.Empty(SearchQueryParser.Parse("see https://example.com/x").Warnings);
        Assert.Equal("'; DROP TABLE messages; --", SearchQueryParser.Parse("'; DROP TABLE messages; --").Text);
    }

    [Fact]
    public void EmptyAndOverlongQueries()
    {
        Assert.True(SearchQueryParser.Parse("   ").IsEmpty);
        Assert.True(SearchQueryParser.Parse(null).IsEmpty);
        Assert.False(SearchQueryParser.Parse("is:unread").IsEmpty);
        Assert.Null(SearchQueryParser.Parse(new string('a', SearchQuery.MaxLength - 1)).Error);
        Assert.Contains("999 characters", SearchQueryParser.Parse(new string('a', SearchQuery.MaxLength)).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a <b>x</b> & \"y\"", "a &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;")]
    [InlineData("one \uE000match\uE001 <i>", "one <mark>match</mark> &lt;i&gt;")]
    [InlineData("\uE001stray \uE000open", "stray <mark>open</mark>")]
    public void SnippetsAreEncodedWithOnlyOurMarksAsMarkup(string snippet, string html) =>
        Assert.Equal(html, SearchSnippet.ToHtml(snippet));

    [Theory]
    // ts_headline saw punctuation as spaces: the original characters come back, encoded, around the marks.
    [InlineData("Contract_2025-final.pdf", "\uE000Contract\uE001 2025 final pdf", new[] { "<mark>Contract</mark>_2025-final.pdf" })]
    [InlineData("\"quoted\" & <b>.txt", " \uE000quoted\uE001     b  txt", new[] { "&quot;<mark>quoted</mark>&quot; &amp; &lt;b&gt;.txt" })]
    // One name per line; a character outside the BMP (two UTF-16 units) was one character to PostgreSQL.
    [InlineData("🎉party.png\nbudget-notes.txt", " \uE000party\uE001 png \uE000budget\uE001 notes txt", new[] { "&#127881;<mark>party</mark>.png", "<mark>budget</mark>-notes.txt" })]
    // No text searched: the names as they are.
    [InlineData("a<b>.pdf\nplan.xlsx", "a<b>.pdf\nplan.xlsx", new[] { "a&lt;b&gt;.pdf", "plan.xlsx" })]
    // Texts that do not line up are shown without marks rather than shifted.
    [InlineData("plan.xlsx", "\uE000plan\uE001 xlsx extra", new[] { "plan.xlsx" })]
    [InlineData("plan.xlsx", "\uE000plan\uE001", new[] { "plan.xlsx" })]
    public void FileNamesAreEncodedWithTheMatchedWordsMarked(string names, string marked, string[] html) =>
        Assert.Equal(html, SearchSnippet.FileNamesToHtml(names, marked));
}
