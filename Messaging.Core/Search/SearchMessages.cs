using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Members;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Messaging.Core.Search;

public enum SearchOrder
{
    Relevance,
    Newest,
}

/// <summary>Where and how to search: every visible conversation, or one (<see cref="ConversationId"/>).</summary>
public sealed record SearchOptions(long? ConversationId = null, SearchOrder Order = SearchOrder.Relevance, int Page = 1)
{
    public const int PageSize = 20;

    /// <summary>For tests that check both plans find the same messages; normally chosen from the estimate.</summary>
    internal SearchPlan? Plan { get; init; }
}

public sealed record SearchHit(
    long MessageId,
    long ConversationId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string SnippetHtml,
    IReadOnlyList<string> FileNamesHtml,
    bool IsNote,
    bool IsHidden)
{
    /// <summary>The files whose text matched (Lucene only): the hit says which file, and where.</summary>
    public IReadOnlyList<SearchFileMatch> FileMatches { get; init; } = [];
}

/// <summary>A file of a hit whose text holds the words: its name and the best fragment, marked and HTML-encoded.</summary>
public sealed record SearchFileMatch(string FileName, string SnippetHtml);

public sealed record SearchGroup(long ConversationId, string Subject, string? ProjectName, IReadOnlyList<SearchHit> Hits);

/// <summary>One page of hits, grouped by conversation in the order of each conversation's best hit.</summary>
public sealed record SearchResults(IReadOnlyList<SearchGroup> Groups, int Page, bool HasMore, bool Capped)
{
    /// <summary>The words as typed found nothing; these hits accept typos and prefixes (Lucene only).</summary>
    public bool Approximate { get; init; }

    /// <summary>The search box text with its words corrected from the hits found, when they differ (Lucene only).</summary>
    public string? DidYouMean { get; init; }

    /// <summary>Collecting matches took longer than allowed; these are the matches found until then.</summary>
    public bool TimedOut { get; init; }

    public static SearchResults Empty { get; } = new([], 1, false, false);

    public int HitCount => Groups.Sum(g => g.Hits.Count);
}

/// <summary>
/// Full-text search over the messages a member may read. Everything that decides what may be found runs
/// inside the one SQL query: the conversations come from <see cref="ConversationAccess.VisibleTo"/>, internal
/// notes from <see cref="ConversationAccess.ReadableBy"/>; deleted messages (their vector is empty too) and
/// hidden ones (Admins excepted) are left out there, never filtered afterwards.
/// <para>
/// Relevance ranks only the newest <see cref="RankedCandidates"/> matches: ranking every match of a frequent
/// word costs a heap visit and a ts_rank each (tens of thousands at a million messages). How those newest
/// matches are found is chosen per search from PostgreSQL's statistics (<see cref="SearchEstimator"/>,
/// <see cref="SearchEstimate.Choose"/>): walking the reach newest first for frequent words or a small reach,
/// the GIN index for rare words. Newest first needs no cap.
/// </para>
/// </summary>
public sealed class SearchMessages(MessagingDbContext db, GetMemberTimeZone zones)
{
    public const int RankedCandidates = 200;

    public async Task<Result<SearchResults>> HandleAsync(CurrentMember me, SearchQuery query, SearchOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConversationId is { } scoped && !await db.Conversations.AsNoTracking().VisibleTo(me).AnyAsync(c => c.Id == scoped, ct))
        {
            return Result<SearchResults>.NotFound();
        }

        if (query.IsEmpty || query.Error is not null)
        {
            return Result<SearchResults>.Ok(SearchResults.Empty);
        }

        var terms = query.HasText ? await OnConnectionAsync(c => SearchTerms.ParseAsync(c, me.WorkspaceId, query.Text, ct), ct) : null;
        if (terms is { IsEmpty: true })
        {
            return Result<SearchResults>.Ok(SearchResults.Empty);
        }

        var page = Math.Clamp(options.Page, 1, 1000);
        var byRank = terms is not null && options.Order == SearchOrder.Relevance;
        var wanted = byRank ? RankedCandidates : (page * SearchOptions.PageSize) + 1;
        var reach = await ReachAsync(me, query, options.ConversationId, ct);
        var days = await DaysAsync(me, query.Filters, ct);
        var plan = options.Plan ?? await ChoosePlanAsync(me, query, terms, reach, days, ct);
        var newest = Newest(Matching(me, query, terms, reach, plan, days), reach, plan, wanted);
        List<long> ids;
        var capped = false;
        if (terms is not null && byRank)
        {
            var words = terms.Query;
            ids = await newest.Take(RankedCandidates)
                .Select(m => new { m.Id, m.CreatedAt, Rank = m.SearchVector.Rank(words) })
                .OrderByDescending(m => m.Rank).ThenByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                .Skip((page - 1) * SearchOptions.PageSize).Take(SearchOptions.PageSize + 1)
                .Select(m => m.Id)
                .ToListAsync(ct);
            capped = page * SearchOptions.PageSize >= RankedCandidates;
        }
        else
        {
            ids = await newest
                .Skip((page - 1) * SearchOptions.PageSize).Take(SearchOptions.PageSize + 1)
                .Select(m => m.Id)
                .ToListAsync(ct);
        }

        var hasMore = ids.Count > SearchOptions.PageSize && !(byRank && capped);
        var shown = ids.Take(SearchOptions.PageSize).ToList();
        var hits = await DescribeAsync(shown, query, ct);
        return Result<SearchResults>.Ok(new SearchResults(Group(shown, hits), page, hasMore, capped && ids.Count > SearchOptions.PageSize));
    }

    /// <summary>
    /// Which messages a search may look at. A member who sees the whole workspace, with no conversation filter,
    /// searches the workspace's messages directly: no join to conversations, whose second workspace condition
    /// the planner would count twice (it then expects a twentieth of the matches and prefers the index for
    /// every word). For anyone else the visible conversations (already narrowed by the filters, by the same
    /// access rules in SQL) are read first and passed as an array: given a semi-join, the planner repeats a GIN
    /// scan of the word's whole posting list once per conversation.
    /// </summary>
    internal async Task<Reach> ReachAsync(CurrentMember me, SearchQuery query, long? conversationId, CancellationToken ct)
    {
        var f = query.Filters;
        var filtered = conversationId is not null || Like(f.In) is not null || Like(f.Project) is not null || f.IsArchived
            || Like(f.With) is not null || f.Category is not null || (f.Status is not null && me.IsStaff);
        if (me.SeesWholeWorkspace && me.Can(Permissions.View) && !filtered)
        {
            return new Reach(null);
        }

        return new Reach(await Conversations(me, query, conversationId).Select(c => c.Id).ToListAsync(ct));
    }

    /// <param name="ConversationIds">The conversations searched, or null for the member's whole workspace.</param>
    internal sealed record Reach(List<long>? ConversationIds);

    /// <summary>
    /// The index serves rare words best and a walk frequent ones (<see cref="SearchPlan"/>). Filters on the
    /// message's author, files or read state thin the matches out in ways the statistics do not see, so with
    /// them the index is used: its cost is bounded by the word, a walk's is not.
    /// </summary>
    private async Task<SearchPlan> ChoosePlanAsync(CurrentMember me, SearchQuery query, SearchTerms? terms, Reach reach, Days days, CancellationToken ct)
    {
        var f = query.Filters;
        if (terms is null || reach.ConversationIds is { Count: 0 } || Like(f.From) is not null || f.HasAttachment || Like(f.File) is not null || f.IsUnread
            || f.FileType is not null || f.MessageType is not null)
        {
            return SearchPlan.Index;
        }

        var estimate = await OnConnectionAsync(c => SearchEstimator.EstimateAsync(c, me.WorkspaceId, reach.ConversationIds, terms, days.From, days.Until, ct), ct);
        return estimate.Choose(RankedCandidates);
    }

    private async Task<T> OnConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await work((NpgsqlConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The conversations the member may see, narrowed by the conversation filters.</summary>
    private IQueryable<Conversation> Conversations(CurrentMember me, SearchQuery query, long? conversationId)
    {
        var f = query.Filters;
        var memberId = me.MemberId;
        var conversations = db.Conversations.AsNoTracking().VisibleTo(me);
        if (conversationId is { } cid)
        {
            conversations = conversations.Where(c => c.Id == cid);
        }

        if (Like(f.In) is { } subject)
        {
            conversations = conversations.Where(c => EF.Functions.ILike(c.Subject, subject, LikeEscape));
        }

        if (Like(f.Project) is { } project)
        {
            conversations = conversations.Where(c => c.Project != null && EF.Functions.ILike(c.Project.Name, project, LikeEscape));
        }

        if (f.IsArchived)
        {
            conversations = conversations.Where(c => c.Participants.Any(p => p.MemberId == memberId && p.IsArchived));
        }

        if (Like(f.With) is { } with)
        {
            conversations = conversations.Where(c => c.Participants.Any(p => EF.Functions.ILike(p.Member!.DisplayName, with, LikeEscape)));
        }

        if (f.Category is { } category)
        {
            conversations = conversations.Where(c => c.Category == category);
        }

        // The team's workflow: a client's search never filters on it (the page says so).
        if (f.Status is { } status && me.IsStaff)
        {
            conversations = conversations.Where(c => c.Status == status);
        }

        return conversations;
    }

    /// <summary>
    /// The matches newest first, at least <paramref name="wanted"/> of them. A walk over conversations walks
    /// each one newest first (a LATERAL join on (conversation_id, created_at, id)) and merges what each gives.
    /// </summary>
    private IQueryable<Message> Newest(IQueryable<Message> matches, Reach reach, SearchPlan plan, int wanted)
    {
        var merged = matches;
        if (plan == SearchPlan.Walk && reach.ConversationIds is { } ids)
        {
            // The redundant "<=" keeps this a LATERAL join: with an equality alone EF Core lifts the
            // correlation out into ROW_NUMBER() OVER (PARTITION BY conversation_id) over every match.
            merged = db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
                .SelectMany(c => matches.Where(m => m.ConversationId == c.Id && m.ConversationId <= c.Id)
                    .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                    .Take(wanted));
        }

        return merged.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);
    }

    /// <summary><c>after:</c> and <c>before:</c> as moments: the starts of those days in the member's time zone.</summary>
    internal async Task<Days> DaysAsync(CurrentMember me, SearchFilters f, CancellationToken ct)
    {
        if (f.After is null && f.Before is null)
        {
            return new Days(null, null);
        }

        var zone = await zones.HandleAsync(me, ct);
        return new Days(
            f.After is { } after ? TimeZones.StartOfDay(after, zone) : null,
            f.Before is { } before ? TimeZones.StartOfDay(before, zone) : null);
    }

    /// <param name="From">Messages from this moment on (<c>after:</c>, that day included).</param>
    /// <param name="Until">Messages before this moment (<c>before:</c>, that day excluded).</param>
    internal sealed record Days(DateTimeOffset? From, DateTimeOffset? Until);

    /// <summary>The messages the member may find that match the words and filters: one SQL query, nothing filtered in memory.</summary>
    internal IQueryable<Message> Matching(CurrentMember me, SearchQuery query, SearchTerms? terms, Reach reach, SearchPlan plan, Days days)
    {
        var f = query.Filters;
        var memberId = me.MemberId;
        var workspaceId = me.WorkspaceId;
        var messages = db.Messages.AsNoTracking().Where(m => m.DeletedAt == null);
        messages = f.MessageType switch
        {
            SearchMessageType.System => messages.Where(m => m.Kind != MessageKind.Text),
            SearchMessageType.Message => messages.Where(m => m.Kind == MessageKind.Text && m.Visibility == MessageVisibility.Everyone),
            SearchMessageType.Note => messages.Where(m => m.Kind == MessageKind.Text && m.Visibility == MessageVisibility.StaffOnly),
            _ => messages.Where(m => m.Kind == MessageKind.Text || m.Kind == MessageKind.System),
        };
        if (reach.ConversationIds is { } ids)
        {
            messages = messages.Where(m => m.WorkspaceId == workspaceId && ids.Contains(m.ConversationId));
        }
        else if (plan == SearchPlan.Index)
        {
            // "+ 0" keeps the workspace out of any btree: ANDing the GIN bitmap with a bitmap of the whole
            // workspace (a hundred thousand rows and more) costs more than checking each match's row.
            messages = messages.Where(m => m.WorkspaceId + 0 == workspaceId);
        }
        else
        {
            messages = messages.Where(m => m.WorkspaceId == workspaceId);
        }

        messages = messages.Where(ConversationAccess.ReadableBy(me));
        if (!me.IsAdmin)
        {
            messages = messages.Where(m => m.HiddenAt == null);
        }

        if (terms is not null)
        {
            // The same test either way; only the operator form (@@) can use the GIN index, and only it needs the pairs.
            var words = terms.Query;
            messages = plan == SearchPlan.Index
                ? messages.Where(m => m.SearchVector.Matches(words))
                : messages.Where(m => TextSearchFunctions.MatchWithoutIndex(m.SearchVector, words));
            if (plan == SearchPlan.Index && terms.Pairs is { } pairs)
            {
                messages = messages.Where(m => m.SearchVector.Matches(pairs));
            }
        }

        if (Like(f.From) is { } from)
        {
            messages = messages.Where(m => m.Kind == MessageKind.Text && EF.Functions.ILike(m.Author!.DisplayName, from, LikeEscape));
        }

        if (f.HasAttachment)
        {
            messages = messages.Where(m => m.AttachmentNames != string.Empty);
        }

        if (f.FileType is { } fileType)
        {
            messages = messages.Where(OfFileType(fileType));
        }

        if (Like(f.File) is { } file)
        {
            messages = messages.Where(m => db.Attachments.Any(a => a.MessageId == m.Id && EF.Functions.ILike(a.FileName, file, LikeEscape)));
        }

        if (days.From is { } start)
        {
            messages = messages.Where(m => m.CreatedAt >= start);
        }

        if (days.Until is { } end)
        {
            messages = messages.Where(m => m.CreatedAt < end);
        }

        if (f.IsUnread)
        {
            messages = messages.Where(m => m.AuthorMemberId != memberId
                && db.Participants.Any(p => p.ConversationId == m.ConversationId && p.MemberId == memberId && m.Id > p.LastReadMessageId));
        }

        return messages;
    }

    /// <summary>What each hit shows: a ts_headline snippet for the few shown (ts_headline re-parses the body, so never for candidates).</summary>
    private async Task<List<HitRow>> DescribeAsync(List<long> ids, SearchQuery query, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Database.SqlQuery<HitRow>($"""
            SELECT m.id AS message_id, m.conversation_id, c.subject, p.name AS project_name,
                   CASE WHEN m.kind = 'System' THEN 'System' ELSE a.display_name END AS author_name, m.created_at, m.visibility = 'StaffOnly' AS is_note,
                   m.hidden_at IS NOT NULL AS is_hidden, m.attachment_names AS file_names,
                   CASE WHEN {query.HasText}
                        THEN ts_headline('english', clean.body, websearch_to_tsquery('english', {query.Text}), {SearchSnippet.HeadlineOptions})
                        ELSE left(clean.body, 300) END AS snippet,
                   CASE WHEN {query.HasText} AND m.attachment_names <> ''
                        THEN ts_headline('english', regexp_replace(m.attachment_names, '[^[:alnum:]]', ' ', 'g'),
                                         websearch_to_tsquery('english', {query.Text}), {SearchSnippet.FileNameOptions})
                        ELSE m.attachment_names END AS marked_file_names
            FROM messages m
            CROSS JOIN LATERAL (SELECT replace(replace(m.body, chr(57344), ''), chr(57345), '') AS body) clean
            JOIN conversations c ON c.id = m.conversation_id
            LEFT JOIN projects p ON p.id = c.project_id
            JOIN members a ON a.id = m.author_member_id
            WHERE m.id = ANY({ids.ToArray()})
            """).ToListAsync(ct);
        return rows;
    }

    private static List<SearchGroup> Group(List<long> order, List<HitRow> rows)
    {
        var byId = rows.ToDictionary(r => r.MessageId);
        return order.Where(byId.ContainsKey).Select(id => byId[id])
            .GroupBy(r => r.ConversationId)
            .Select(g => new SearchGroup(g.Key, g.First().Subject, g.First().ProjectName, g.Select(r => new SearchHit(
                r.MessageId, r.ConversationId, r.AuthorName, r.CreatedAt, SearchSnippet.ToHtml(r.Snippet),
                SearchSnippet.FileNamesToHtml(r.FileNames, r.MarkedFileNames), r.IsNote, r.IsHidden)).ToList()))
            .ToList();
    }

    /// <summary>Messages with a file of this type (<c>filetype:</c>), by the attachment's category and extension, as the index files them (<see cref="SearchDocument.FileTypes"/>).</summary>
    private System.Linq.Expressions.Expression<Func<Message, bool>> OfFileType(string type)
    {
        var sheets = SearchFilters.SpreadsheetExtensions.ToArray();
        var attachments = db.Attachments;
        return type switch
        {
            "image" => m => attachments.Any(a => a.MessageId == m.Id && a.Category == FileCategory.Image),
            "video" => m => attachments.Any(a => a.MessageId == m.Id && a.Category == FileCategory.Video),
            "archive" => m => attachments.Any(a => a.MessageId == m.Id && a.Category == FileCategory.Archive),
            "spreadsheet" => m => attachments.Any(a => a.MessageId == m.Id && sheets.Contains(a.Extension)),
            _ => m => attachments.Any(a => a.MessageId == m.Id
                && (a.Category == FileCategory.Pdf || a.Category == FileCategory.Document || a.Category == FileCategory.Text)
                && !sheets.Contains(a.Extension)),
        };
    }

    private const string LikeEscape = "\\";

    /// <summary>A contains-pattern for ILIKE with the user's %, _ and \ taken literally; null when there is no value.</summary>
    internal static string? Like(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : "%" + value.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private sealed record HitRow(
        long MessageId, long ConversationId, string Subject, string? ProjectName, string AuthorName, DateTimeOffset CreatedAt,
        bool IsNote, bool IsHidden, string FileNames, string Snippet, string MarkedFileNames);
}
