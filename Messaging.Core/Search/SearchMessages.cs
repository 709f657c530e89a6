using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
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
}

public sealed record SearchHit(
    long MessageId,
    long ConversationId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string SnippetHtml,
    IReadOnlyList<string> FileNames,
    bool IsNote,
    bool IsHidden);

public sealed record SearchGroup(long ConversationId, string Subject, string? ProjectName, IReadOnlyList<SearchHit> Hits);

/// <summary>One page of hits, grouped by conversation in the order of each conversation's best hit.</summary>
public sealed record SearchResults(IReadOnlyList<SearchGroup> Groups, int Page, bool HasMore, bool Capped)
{
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
/// word costs a heap visit and a ts_rank each (tens of thousands at a million messages), while the newest
/// matches of a frequent word are found by walking (workspace_id, id) backwards and those of a rare word by
/// the GIN index; the planner chooses from the word's statistics. Newest first needs no cap.
/// </para>
/// </summary>
public sealed class SearchMessages(MessagingDbContext db)
{
    public const int RankedCandidates = 200;

    /// <summary>Up to this many messages in reach, words are tested message by message instead of through the GIN index.</summary>
    public const int SmallScopeMessages = 2_000;

    private const string Config = "english";

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

        var page = Math.Clamp(options.Page, 1, 1000);

        // The planner's default random_page_cost (4, a spinning disk) makes it prefer bitmap scans of a whole
        // posting list over walking the newest messages: with the working set in memory (as the benchmark and a
        // warm server have it) 1.1 is the usual setting, and it applies to this search's queries only.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL random_page_cost = 1.1", ct);
        var conversations = Conversations(me, query, options.ConversationId);
        var reach = await ReachAsync(me, query, options.ConversationId, conversations, ct);
        var matches = Matching(me, query, options.ConversationId, conversations, reach);
        var byRank = query.HasText && options.Order == SearchOrder.Relevance;
        List<long> ids;
        var capped = false;
        if (byRank)
        {
            var candidates = matches.OrderByDescending(m => m.Id).Take(RankedCandidates);
            ids = await candidates
                .Select(m => new { m.Id, Rank = m.SearchVector.Rank(EF.Functions.WebSearchToTsQuery(Config, query.Text)) })
                .OrderByDescending(m => m.Rank).ThenByDescending(m => m.Id)
                .Skip((page - 1) * SearchOptions.PageSize).Take(SearchOptions.PageSize + 1)
                .Select(m => m.Id)
                .ToListAsync(ct);
            capped = page * SearchOptions.PageSize >= RankedCandidates;
        }
        else
        {
            ids = await matches.OrderByDescending(m => m.Id)
                .Skip((page - 1) * SearchOptions.PageSize).Take(SearchOptions.PageSize + 1)
                .Select(m => m.Id)
                .ToListAsync(ct);
        }

        await tx.CommitAsync(ct);
        var hasMore = ids.Count > SearchOptions.PageSize && !(byRank && capped);
        var shown = ids.Take(SearchOptions.PageSize).ToList();
        var hits = await DescribeAsync(shown, query, ct);
        return Result<SearchResults>.Ok(new SearchResults(Group(shown, hits), page, hasMore, capped && ids.Count > SearchOptions.PageSize));
    }

    /// <summary>
    /// Which conversations a search reaches and how its words are best tested. A member who sees the whole
    /// workspace searches it through a semi-join, where the planner either walks the newest messages (frequent
    /// words) or takes the GIN index (rare ones). For anyone else the visible conversations (already narrowed by
    /// the filters, by the same access rules in SQL) are read first and passed as an array: given the semi-join,
    /// the planner repeats a GIN scan of the word's whole posting list once per conversation (100 ms and more
    /// for a client with a few dozen conversations at a million messages), while with the array it makes one
    /// GIN scan and one bitmap over the conversations. Up to <see cref="SmallScopeMessages"/> messages, testing
    /// each message (ts_match_vq, no index) is cheaper still: 1-2 ms. Counting stops at the threshold.
    /// </summary>
    private async Task<Reach> ReachAsync(CurrentMember me, SearchQuery query, long? conversationId, IQueryable<Conversation> conversations, CancellationToken ct)
    {
        if (me.SeesWholeWorkspace && conversationId is null)
        {
            return new Reach(null, ByIndex: true);
        }

        var ids = await conversations.Select(c => c.Id).ToListAsync(ct);
        if (!query.HasText || ids.Count == 0)
        {
            return new Reach(ids, ByIndex: true);
        }

        var reachable = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId))
            .Select(m => m.Id)
            .Take(SmallScopeMessages + 1)
            .CountAsync(ct);
        return new Reach(ids, ByIndex: reachable > SmallScopeMessages);
    }

    /// <param name="ConversationIds">The conversations searched, or null for the member's whole workspace (a semi-join in the search itself).</param>
    private sealed record Reach(List<long>? ConversationIds, bool ByIndex);

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

        return conversations;
    }

    /// <summary>The messages the member may find that match the words and filters: one SQL query, nothing filtered in memory.</summary>
    private IQueryable<Message> Matching(CurrentMember me, SearchQuery query, long? conversationId, IQueryable<Conversation> conversations, Reach reach)
    {
        var f = query.Filters;
        var memberId = me.MemberId;
        var messages = db.Messages.AsNoTracking()
            .Where(m => m.WorkspaceId == me.WorkspaceId && m.DeletedAt == null && m.Kind == MessageKind.Text)
            .Where(ConversationAccess.ReadableBy(me));
        messages = reach.ConversationIds is { } ids
            ? messages.Where(m => ids.Contains(m.ConversationId))
            : messages.Where(m => conversations.Any(c => c.Id == m.ConversationId));
        if (conversationId is { } only)
        {
            messages = messages.Where(m => m.ConversationId == only);
        }

        if (!me.IsAdmin)
        {
            messages = messages.Where(m => m.HiddenAt == null);
        }

        if (query.HasText)
        {
            // The same test either way; only the operator form (@@) can use the GIN index.
            messages = reach.ByIndex
                ? messages.Where(m => m.SearchVector.Matches(EF.Functions.WebSearchToTsQuery(Config, query.Text)))
                : messages.Where(m => TextSearchFunctions.MatchWithoutIndex(m.SearchVector, EF.Functions.WebSearchToTsQuery(Config, query.Text)));
        }

        if (Like(f.From) is { } from)
        {
            messages = messages.Where(m => EF.Functions.ILike(m.Author!.DisplayName, from, LikeEscape));
        }

        if (f.HasAttachment)
        {
            messages = messages.Where(m => m.AttachmentNames != string.Empty);
        }

        if (Like(f.File) is { } file)
        {
            messages = messages.Where(m => db.Attachments.Any(a => a.MessageId == m.Id && EF.Functions.ILike(a.FileName, file, LikeEscape)));
        }

        if (f.After is { } after)
        {
            var start = new DateTimeOffset(after.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            messages = messages.Where(m => m.CreatedAt >= start);
        }

        if (f.Before is { } before)
        {
            var end = new DateTimeOffset(before.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
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
            SELECT m.id AS "MessageId", m.conversation_id AS "ConversationId", c.subject AS "Subject", p.name AS "ProjectName",
                   a.display_name AS "AuthorName", m.created_at AS "CreatedAt", m.visibility = 'StaffOnly' AS "IsNote",
                   m.hidden_at IS NOT NULL AS "IsHidden", m.attachment_names AS "FileNames",
                   CASE WHEN {query.HasText}
                        THEN ts_headline('english', clean.body, websearch_to_tsquery('english', {query.Text}), {SearchSnippet.HeadlineOptions})
                        ELSE left(clean.body, 300) END AS "Snippet"
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
                r.FileNames.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.IsNote, r.IsHidden)).ToList()))
            .ToList();
    }

    private const string LikeEscape = "\\";

    /// <summary>A contains-pattern for ILIKE with the user's %, _ and \ taken literally; null when there is no value.</summary>
    internal static string? Like(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : "%" + value.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private sealed record HitRow(
        long MessageId, long ConversationId, string Subject, string? ProjectName, string AuthorName, DateTimeOffset CreatedAt,
        bool IsNote, bool IsHidden, string FileNames, string Snippet);
}
