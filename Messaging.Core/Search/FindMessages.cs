using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Members;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Search;

/// <summary>
/// The search the pages run: Lucene finds and ranks (BM25 over every match, or newest first), the database decides.
/// <list type="number">
/// <item>The index is brought up to date with the feed first, so whatever committed before the search is found.</item>
/// <item>The words become a query over the text fields only (<see cref="SearchTextQuery"/>); the workspace, the
/// conversations the member may see, notes, hidden messages, dates, attachments and authors are a filter built here
/// from the member and the parsed filters, never from the text.</item>
/// <item>Every candidate is checked again in SQL by the same rules as the PostgreSQL search
/// (<see cref="SearchMessages.Matching"/>: access, deleted, hidden, notes, and every filter), so a stale index may
/// miss a hit for a moment but never shows a deleted, hidden, internal or foreign one. Candidates are fetched in
/// growing rounds until the page is full.</item>
/// <item>When the words as typed find nothing, they are tried again accepting typos and prefixes, with a
/// "did you mean" taken from the words of the hits the member may read.</item>
/// </list>
/// Until this node's first index is built, the PostgreSQL search answers.
/// </summary>
public sealed class FindMessages(MessagingDbContext db, SearchMessages sql, SearchIndex index, IOptions<SearchIndexOptions> options)
{
    /// <summary>The most candidates one search checks in the database (filters Lucene cannot see may drop many).</summary>
    public const int MaxCandidates = 20_000;

    private static readonly TimeSpan FirstIndexWait = TimeSpan.FromSeconds(5);

    private static readonly Sort Newest = new(
        new SortField(SearchDocument.CreatedOrder, SortFieldType.INT64, true), new SortField(SearchDocument.IdOrder, SortFieldType.INT64, true));

    private static readonly Sort ByRank = new(
        SortField.FIELD_SCORE, new SortField(SearchDocument.CreatedOrder, SortFieldType.INT64, true), new SortField(SearchDocument.IdOrder, SortFieldType.INT64, true));

    private static readonly ISet<string> IdOnly = new HashSet<string>(StringComparer.Ordinal) { SearchDocument.Id };

    public async Task<Result<SearchResults>> HandleAsync(CurrentMember me, SearchQuery query, SearchOptions searchOptions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(searchOptions);
        if (searchOptions.ConversationId is { } scoped && !await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == scoped, ct))
        {
            return Result<SearchResults>.NotFound();
        }

        if (query.IsEmpty || query.Error is not null)
        {
            return Result<SearchResults>.Ok(SearchResults.Empty);
        }

        if (!await index.WaitReadyAsync(FirstIndexWait, ct))
        {
            return await sql.HandleAsync(me, query, searchOptions, ct);
        }

        await index.CatchUpAsync(db, ct);
        var analyzer = SearchAnalyzers.For(index.LanguageOf(me.WorkspaceId));
        Query? words = null;
        if (query.HasText)
        {
            words = SearchTextQuery.Build(query.Text, analyzer, tolerant: false);
            if (words is null)
            {
                return Result<SearchResults>.Ok(SearchResults.Empty);
            }
        }

        var page = Math.Clamp(searchOptions.Page, 1, 1000);
        var wanted = (page * SearchOptions.PageSize) + 1;
        var reach = await sql.ReachAsync(me, query, searchOptions.ConversationId, ct);
        var authors = await AuthorsAsync(me, query.Filters, ct);
        if (reach.ConversationIds is { Count: 0 } || authors is { Count: 0 })
        {
            return Result<SearchResults>.Ok(SearchResults.Empty);
        }

        var days = await sql.DaysAsync(me, query.Filters, ct);
        var filter = Filter(me, query.Filters, reach, days, authors);
        var sort = words is not null && searchOptions.Order == SearchOrder.Relevance ? ByRank : Newest;
        var found = await CollectAsync(me, query, reach, days, words, filter, sort, wanted, ct);
        var approximate = false;
        if (found.Ids.Count == 0 && query.HasText && SearchTextQuery.Build(query.Text, analyzer, tolerant: true) is { } tolerant)
        {
            var second = await CollectAsync(me, query, reach, days, tolerant, filter, sort, wanted, ct);
            if (second.Ids.Count > 0)
            {
                (found, words, approximate) = (second, tolerant, true);
            }
        }

        var shown = found.Ids.Skip((page - 1) * SearchOptions.PageSize).Take(SearchOptions.PageSize).ToList();
        var rows = await DescribeAsync(shown, ct);
        List<FileTextRow> files = words is null ? [] : await FileTextsAsync(shown, ct);
        var groups = Group(shown, rows, files, words, analyzer);
        return Result<SearchResults>.Ok(new SearchResults(groups, page, found.Ids.Count > page * SearchOptions.PageSize, false)
        {
            Approximate = approximate,
            DidYouMean = approximate ? DidYouMean(query, rows, analyzer) : null,
            TimedOut = found.TimedOut,
        });
    }

    /// <summary>The filter the member's words cannot touch: workspace, reach, notes, hidden, kind, dates, files, authors.</summary>
    private static QueryWrapperFilter Filter(CurrentMember me, SearchFilters f, SearchMessages.Reach reach, SearchMessages.Days days, List<long>? authors)
    {
        var must = new BooleanQuery
        {
            { new TermQuery(new Lucene.Net.Index.Term(SearchDocument.Workspace, SearchDocument.Key(me.WorkspaceId))), Occur.MUST },
        };
        var text = new TermQuery(new Lucene.Net.Index.Term(SearchDocument.Kind, nameof(MessageKind.Text)));
        if (f.MessageType == SearchMessageType.System)
        {
            must.Add(new MatchAllDocsQuery(), Occur.MUST);
            must.Add(text, Occur.MUST_NOT);
        }
        else if (f.MessageType is SearchMessageType.Message or SearchMessageType.Note)
        {
            must.Add(text, Occur.MUST);
        }
        else
        {
            // People's messages and the portal's own system messages; participant changes and automatic replies are not searched.
            must.Add(new BooleanQuery { { text, Occur.SHOULD }, { new TermQuery(new Lucene.Net.Index.Term(SearchDocument.Kind, nameof(MessageKind.System))), Occur.SHOULD } }, Occur.MUST);
        }

        if (f.MessageType is SearchMessageType.Message or SearchMessageType.Note)
        {
            var visibility = f.MessageType == SearchMessageType.Note ? nameof(MessageVisibility.StaffOnly) : nameof(MessageVisibility.Everyone);
            must.Add(new TermQuery(new Lucene.Net.Index.Term(SearchDocument.Visibility, visibility)), Occur.MUST);
        }

        if (f.FileType is { } fileType)
        {
            must.Add(new TermQuery(new Lucene.Net.Index.Term(SearchDocument.FileType, fileType)), Occur.MUST);
        }

        if (reach.ConversationIds is { } ids)
        {
            must.Add(new ConstantScoreQuery(new TermsFilter(SearchDocument.Conversation, ids.Select(id => new BytesRef(SearchDocument.Key(id))).ToArray())), Occur.MUST);
        }

        if (!me.IsStaff)
        {
            must.Add(new TermQuery(new Lucene.Net.Index.Term(SearchDocument.Visibility, nameof(MessageVisibility.Everyone))), Occur.MUST);
        }

        if (!me.IsAdmin)
        {
            must.Add(new TermQuery(new Lucene.Net.Index.Term(SearchDocument.Hidden, "0")), Occur.MUST);
        }

        if (f.HasAttachment || !string.IsNullOrWhiteSpace(f.File))
        {
            must.Add(new TermQuery(new Lucene.Net.Index.Term(SearchDocument.HasFiles, "1")), Occur.MUST);
        }

        if (days.From is not null || days.Until is not null)
        {
            must.Add(NumericRangeQuery.NewInt64Range(SearchDocument.Created, days.From?.ToUnixTimeMilliseconds(), days.Until?.ToUnixTimeMilliseconds(), true, false), Occur.MUST);
        }

        if (authors is not null)
        {
            must.Add(new ConstantScoreQuery(new TermsFilter(SearchDocument.Author, authors.Select(id => new BytesRef(SearchDocument.Key(id))).ToArray())), Occur.MUST);

            // A system message is from nobody: who set it off is not its author.
            must.Add(new TermQuery(new Lucene.Net.Index.Term(SearchDocument.Kind, nameof(MessageKind.Text))), Occur.MUST);
        }

        return new QueryWrapperFilter(must);
    }

    /// <summary>The members <c>from:</c> names (a contains-match on the display name, as in SQL); null without <c>from:</c>.</summary>
    private async Task<List<long>?> AuthorsAsync(CurrentMember me, SearchFilters f, CancellationToken ct)
    {
        if (SearchMessages.Like(f.From) is not { } from)
        {
            return null;
        }

        var workspaceId = me.WorkspaceId;
        return await db.Members.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && EF.Functions.ILike(m.DisplayName, from, "\\"))
            .Select(m => m.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The ids that pass the database's check, in Lucene's order, at least <paramref name="wanted"/> of them when there
    /// are: candidates are taken in rounds (twice what is wanted, then four times more) up to <see cref="MaxCandidates"/>.
    /// </summary>
    private async Task<Collected> CollectAsync(
        CurrentMember me, SearchQuery query, SearchMessages.Reach reach, SearchMessages.Days days, Query? words, Filter filter, Sort sort, int wanted, CancellationToken ct)
    {
        var luceneQuery = words ?? new MatchAllDocsQuery();
        var n = Math.Max(wanted * 2, 64);
        var timeout = options.Value.SearchTimeoutMilliseconds;
        while (true)
        {
            var (candidates, timedOut) = index.Search(s => Top(s, luceneQuery, filter, sort, n, timeout));
            var allowed = await AllowedAsync(me, query, reach, days, candidates, ct);
            var ids = candidates.Where(allowed.Contains).ToList();
            if (ids.Count >= wanted || candidates.Count < n || n >= MaxCandidates || timedOut)
            {
                return new Collected(ids, timedOut);
            }

            n = Math.Min(n * 4, MaxCandidates);
        }
    }

    private static (List<long> Ids, bool TimedOut) Top(IndexSearcher searcher, Query query, Filter filter, Sort sort, int n, int timeoutMs)
    {
        var collector = TopFieldCollector.Create(sort, n, false, false, false, false);
        var timedOut = false;
        try
        {
            searcher.Search(query, filter, new TimeLimitingCollector(collector, TimeLimitingCollector.GlobalCounter, timeoutMs));
        }
        catch (TimeLimitingCollector.TimeExceededException)
        {
            timedOut = true;
        }

        var ids = collector.GetTopDocs().ScoreDocs
            .Select(d => long.Parse(searcher.Doc(d.Doc, IdOnly).Get(SearchDocument.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            .ToList();
        return (ids, timedOut);
    }

    /// <summary>The candidates the member may find with these filters, by the PostgreSQL search's own rules.</summary>
    private async Task<HashSet<long>> AllowedAsync(
        CurrentMember me, SearchQuery query, SearchMessages.Reach reach, SearchMessages.Days days, List<long> candidates, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var ids = candidates.ToArray();
        var allowed = await sql.Matching(me, query, null, reach, SearchPlan.Index, days)
            .Where(m => ids.Contains(m.Id))
            .Select(m => m.Id)
            .ToListAsync(ct);
        return allowed.ToHashSet();
    }

    private async Task<List<HitRow>> DescribeAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Database.SqlQuery<HitRow>($"""
            SELECT m.id AS message_id, m.conversation_id, c.subject, p.name AS project_name,
                   CASE WHEN m.kind = 'System' THEN 'System' ELSE a.display_name END AS author_name, m.created_at, m.visibility = 'StaffOnly' AS is_note,
                   m.hidden_at IS NOT NULL AS is_hidden, m.attachment_names AS file_names, m.body, m.kind
            FROM messages m
            JOIN conversations c ON c.id = m.conversation_id
            LEFT JOIN projects p ON p.id = c.project_id
            JOIN members a ON a.id = m.author_member_id
            WHERE m.id = ANY({ids.ToArray()})
            """).ToListAsync(ct);
    }

    /// <summary>The text read from the files of the hits shown (to say which file matched, and where).</summary>
    private async Task<List<FileTextRow>> FileTextsAsync(List<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Database.SqlQuery<FileTextRow>($"""
            SELECT t.message_id, a.file_name, t.text
            FROM attachment_texts t JOIN attachments a ON a.id = t.attachment_id
            WHERE t.message_id = ANY({ids.ToArray()}) AND t.text <> ''
            ORDER BY t.attachment_id
            """).ToListAsync(ct);
    }

    /// <summary>Each file whose text holds the words, with the best fragment marked (encoded like every snippet).</summary>
    internal static IReadOnlyList<SearchFileMatch> FileMatches(IEnumerable<(string FileName, string Text)> files, Query? words, Analyzer analyzer)
    {
        if (words is null)
        {
            return [];
        }

        var matches = new List<SearchFileMatch>();
        foreach (var (name, raw) in files)
        {
            var text = SearchDocument.Clean(raw);
            var scorer = new QueryScorer(words, SearchDocument.FileText);
            var highlighter = new Highlighter(new SimpleHTMLFormatter(SearchSnippet.Start.ToString(), SearchSnippet.Stop.ToString()), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, 160),
                MaxDocCharsToAnalyze = text.Length,
            };
            var fragment = highlighter.GetBestFragments(analyzer.GetTokenStream(SearchDocument.FileText, text), text, 1, " … ");
            if (!string.IsNullOrEmpty(fragment))
            {
                matches.Add(new SearchFileMatch(name, SearchSnippet.ToHtml(fragment)));
            }
        }

        return matches;
    }

    private static List<SearchGroup> Group(List<long> order, List<HitRow> rows, List<FileTextRow> files, Query? words, Analyzer analyzer)
    {
        var byId = rows.ToDictionary(r => r.MessageId);
        var filesOf = files.ToLookup(f => f.MessageId);
        return order.Where(byId.ContainsKey).Select(id => byId[id])
            .GroupBy(r => r.ConversationId)
            .Select(g => new SearchGroup(g.Key, g.First().Subject, g.First().ProjectName, g.Select(r => new SearchHit(
                r.MessageId, r.ConversationId, r.AuthorName, r.CreatedAt, r.Body.Length == 0 ? SearchSnippet.ToHtml(KindLabel(r.Kind)) : Snippet(r.Body, words, analyzer),
                FileNames(r.FileNames, words, analyzer), r.IsNote, r.IsHidden)
            {
                FileMatches = FileMatches(filesOf[r.MessageId].Select(f => (f.FileName, f.Text)), words, analyzer),
            }).ToList()))
            .ToList();
    }

    /// <summary>What a line of the thread without text says it is (<c>type:system</c> lists them).</summary>
    private static string KindLabel(string kind) => kind switch
    {
        nameof(MessageKind.ParticipantAdded) => "Someone was added to the conversation",
        nameof(MessageKind.ParticipantRemoved) => "Someone was removed from the conversation",
        nameof(MessageKind.Assigned) or nameof(MessageKind.AutoAssigned) => "The conversation was assigned",
        nameof(MessageKind.Unassigned) => "The conversation was unassigned",
        _ => string.Empty,
    };

    /// <summary>The best two fragments of the body with the matched words marked by Lucene's highlighter, then HTML-encoded (<see cref="SearchSnippet.ToHtml"/>).</summary>
    internal static string Snippet(string body, Query? words, Analyzer analyzer)
    {
        var text = SearchDocument.Clean(body);
        if (words is not null)
        {
            var scorer = new QueryScorer(words, SearchDocument.Body);
            var highlighter = new Highlighter(new SimpleHTMLFormatter(SearchSnippet.Start.ToString(), SearchSnippet.Stop.ToString()), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, 200),
            };
            var fragments = highlighter.GetBestFragments(analyzer.GetTokenStream(SearchDocument.Body, text), text, 2, " … ");
            if (!string.IsNullOrEmpty(fragments))
            {
                return SearchSnippet.ToHtml(fragments);
            }
        }

        return SearchSnippet.ToHtml(text.Length > 300 ? text[..300] + "…" : text);
    }

    /// <summary>The file names with the matched words marked, as the PostgreSQL search marks them (<see cref="SearchSnippet.FileNamesToHtml"/>).</summary>
    internal static IReadOnlyList<string> FileNames(string names, Query? words, Analyzer analyzer)
    {
        if (names.Length == 0)
        {
            return [];
        }

        var text = SearchDocument.FileNameWords(names);
        string? marked = null;
        if (words is not null)
        {
            var highlighter = new Highlighter(new SimpleHTMLFormatter(SearchSnippet.Start.ToString(), SearchSnippet.Stop.ToString()), new QueryScorer(words, SearchDocument.Files))
            {
                TextFragmenter = new NullFragmenter(),
                MaxDocCharsToAnalyze = int.MaxValue,
            };
            marked = highlighter.GetBestFragment(analyzer.GetTokenStream(SearchDocument.Files, text), text);
        }

        return SearchSnippet.FileNamesToHtml(names, string.IsNullOrEmpty(marked) ? text : marked);
    }

    /// <summary>
    /// The box with each typed word that no hit holds replaced by the closest word of the hits (within two edits, or
    /// the word it begins), taken only from messages the member may read; null when nothing would change.
    /// </summary>
    private static string? DidYouMean(SearchQuery query, List<HitRow> rows, Analyzer analyzer)
    {
        var vocabulary = rows.SelectMany(r => WordsOf(r.Body + " " + SearchDocument.FileNameWords(r.FileNames)))
            .GroupBy(w => w, StringComparer.Ordinal).Select(g => (Word: g.Key, Count: g.Count())).ToList();
        var stems = vocabulary.SelectMany(v => SearchTextQuery.Analyze(analyzer, SearchDocument.Body, v.Word)).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var text = query.Text;
        var changed = false;
        foreach (var typed in SearchTextQuery.PlainWords(query.Text).Distinct(StringComparer.Ordinal))
        {
            var terms = SearchTextQuery.Analyze(analyzer, SearchDocument.Body, typed);
            if (terms.Count != 1 || stems.Contains(terms[0].Term))
            {
                continue;
            }

            var lower = typed.ToLowerInvariant();
            var best = vocabulary
                .Select(v => (v.Word, v.Count, Distance: v.Word.StartsWith(lower, StringComparison.Ordinal) ? 1 : Distance(lower, v.Word)))
                .Where(v => v.Distance <= 2 && v.Word != lower)
                .OrderBy(v => v.Distance).ThenByDescending(v => v.Count).ThenBy(v => v.Word, StringComparer.Ordinal)
                .Select(v => v.Word).FirstOrDefault();
            if (best is not null)
            {
                text = ReplaceWord(text, typed, best);
                changed = true;
            }
        }

        return changed ? (query with { Text = text }).Compose() : null;
    }

    private static IEnumerable<string> WordsOf(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in (text + " ").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static string ReplaceWord(string text, string word, string replacement)
    {
        var parts = text.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == word)
            {
                parts[i] = replacement;
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>Optimal string alignment distance (an adjacent swap counts as one edit, as FuzzyQuery counts it).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private sealed record FileTextRow(long MessageId, string FileName, string Text);

    private sealed record Collected(List<long> Ids, bool TimedOut);

    private sealed record HitRow(
        long MessageId, long ConversationId, string Subject, string? ProjectName, string AuthorName, DateTimeOffset CreatedAt,
        bool IsNote, bool IsHidden, string FileNames, string Body, string Kind);
}
