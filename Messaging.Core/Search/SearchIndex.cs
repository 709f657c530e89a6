using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Messaging.Core.Search;

/// <summary>
/// This node's Lucene index of the messages, derived from the database and kept in step with it through
/// <c>search_feed</c> (<see cref="SearchFeedEntry"/>). One per process (a singleton).
/// <para>
/// <b>Following the feed.</b> Feed positions come from a sequence, so a row can commit after a higher one was
/// read. The cursor is therefore not a position but a transaction id: each read takes every row whose writer's xid
/// is at or above the cursor, and afterwards moves the cursor to the xmin of that read's snapshot (the oldest
/// transaction still running then): every transaction below it had finished, so all of its rows were seen. Rows of
/// transactions still open are read again next time (their positions are remembered so they are not applied twice
/// in a row). Applying a row reads the message's current state, so order and repeats do not matter.
/// </para>
/// <para>
/// <b>Durability.</b> The cursor is stored in the commit's user data with the schema version; after a crash or a
/// restart the index opens at its last commit and reads the feed again from there. An index that is missing,
/// unreadable, of another <see cref="SchemaVersion"/>, or older than the feed's retention is rebuilt: into a new
/// folder, while searches keep using the old one, then swapped in (<c>current</c> names the folder in use).
/// </para>
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Bump when the documents change shape: every node then rebuilds on start.</summary>
    public const int SchemaVersion = 3;

    private const int FeedBatch = 2000;
    private const int RebuildBatch = 5000;

    private readonly SearchIndexOptions options;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<SearchIndex> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TaskCompletionSource readySignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Generation? current;
    private int rebuildRunning;
    private volatile bool unavailable;
    private RebuildProgress? progress;
    private DateTimeOffset? lastRebuildAt;
    private double? lastRefreshMs;
    private double? lastFeedToSearchableMs;

    public SearchIndex(IOptions<SearchIndexOptions> options, IServiceScopeFactory scopes, ILogger<SearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.scopes = scopes;
        this.logger = logger;
    }

    public string Root => Path.GetFullPath(options.IndexPath);

    /// <summary>An index is open and answers searches (during a rebuild: the old one).</summary>
    public bool IsReady => Volatile.Read(ref current) is not null;

    public SearchIndexStatus Status
    {
        get
        {
            var gen = Volatile.Read(ref current);
            int? documents = null;
            if (gen is not null)
            {
                try
                {
                    documents = Search(s => s.IndexReader.NumDocs);
                }
                catch (ObjectDisposedException)
                {
                    // swapped while asking
                }
            }

            return new SearchIndexStatus(gen is not null, gen?.Path, documents, gen?.Cursor, Volatile.Read(ref progress), lastRebuildAt, lastRefreshMs, lastFeedToSearchableMs)
            {
                RebuildRequest = gen?.RebuildRequest ?? 0,
            };
        }
    }

    /// <summary>
    /// The language <paramref name="workspaceId"/>'s messages are indexed in: the one read when this index was built, so a
    /// search analyzes its words as the index did even while a rebuild for a new language runs.
    /// </summary>
    public string LanguageOf(long workspaceId) =>
        Volatile.Read(ref current)?.Languages.GetValueOrDefault(workspaceId) ?? SearchAnalyzers.English;

    /// <summary>Waits (at most <paramref name="timeout"/>) for the first index to open or be built.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (IsReady || unavailable)
        {
            return IsReady;
        }

        try
        {
            await readySignal.Task.WaitAsync(timeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Opening failed (the database is unreachable, the disk full): searches use PostgreSQL at once instead of waiting.</summary>
    public void MarkUnavailable() => unavailable = true;

    /// <summary>Opens the index of the last run, or builds one when there is none usable; then catches up with the feed.</summary>
    public async Task OpenAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Root);
        var name = ReadCurrentName();
        Generation? opened = null;
        if (name is not null)
        {
            try
            {
                opened = OpenGeneration(Path.Combine(Root, name));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The search index in {Folder} cannot be opened; it is rebuilt", name);
            }
        }

        if (opened is null)
        {
            await RebuildAsync(ct);
        }
        else
        {
            Swap(opened);
            logger.LogInformation("Search index opened: {Folder}, cursor {Cursor}", opened.Path, opened.Cursor);
        }

        await CatchUpAsync(ct);
    }

    /// <summary>Reads the feed and applies what it names, on a connection of its own.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await CatchUpAsync(scope.ServiceProvider.GetRequiredService<MessagingDbContext>(), ct);
    }

    /// <summary>
    /// Reads the feed from the cursor and applies every row not applied yet; returns how many messages were
    /// (re)indexed. A search calls it first, so whatever committed before the search is found by it.
    /// </summary>
    public async Task<int> CatchUpAsync(MessagingDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!IsReady)
        {
            return 0;
        }

        await gate.WaitAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var gen = current!;
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            long? snapshotXmin = null;
            long after = 0;
            var applied = 0;
            long requested = 0;
            DateTimeOffset? oldest = null;
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var (xmin, request, rows) = await ReadFeedAsync(connection, gen.Cursor, after, ct);
                snapshotXmin ??= xmin;
                requested = Math.Max(requested, request);
                var fresh = rows.Where(r => !gen.Applied.ContainsKey(r.Position)).ToList();
                if (fresh.Count > 0)
                {
                    applied += await ApplyAsync(connection, gen, fresh.Select(r => r.MessageId).Distinct().ToArray(), ct);
                    foreach (var row in fresh)
                    {
                        gen.Applied[row.Position] = row.Xid;
                        gen.MaxPosition = Math.Max(gen.MaxPosition, row.Position);
                        oldest = oldest is null || row.CreatedAt < oldest ? row.CreatedAt : oldest;
                    }
                }

                if (rows.Count < FeedBatch)
                {
                    break;
                }

                after = rows[^1].Position;
            }

            if (applied > 0)
            {
                gen.Manager.MaybeRefreshBlocking();
                lastRefreshMs = watch.Elapsed.TotalMilliseconds;
                if (oldest is { } o)
                {
                    lastFeedToSearchableMs = (DateTimeOffset.UtcNow - o).TotalMilliseconds;
                }

                gen.Dirty = true;
            }

            if (snapshotXmin is { } x && x > gen.Cursor)
            {
                gen.Cursor = x;
                gen.Dirty = true;
                foreach (var position in gen.Applied.Where(a => a.Value < x).Select(a => a.Key).ToList())
                {
                    gen.Applied.Remove(position);
                }
            }

            if (requested > gen.RebuildRequest && Volatile.Read(ref rebuildRunning) == 0)
            {
                // Asked for on some node (the admin page, a new search language): rebuilt here too, off this call.
                _ = Task.Run(() => RebuildRequestedAsync(requested), CancellationToken.None);
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            gate.Release();
        }
    }

    private async Task RebuildRequestedAsync(long request)
    {
        try
        {
            logger.LogInformation("Search index rebuild requested (request {Request})", request);
            await RebuildAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The requested search index rebuild failed; the old index keeps answering, and the next round asks again");
        }
    }

    /// <summary>Writes what was applied, and the cursor with it, to disk (a crash then re-reads the feed from here).</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (current is { Dirty: true } gen)
            {
                Commit(gen.Writer, gen.Cursor, gen.MaxPosition, gen.RebuildRequest, gen.Languages);
                gen.Dirty = false;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Builds a new index from every message into a new folder and swaps it in; searches use the old index until
    /// then. Returns false when a rebuild is already running (it is not started twice).
    /// </summary>
    public async Task<bool> RebuildAsync(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref rebuildRunning, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            var name = "g" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var path = Path.Combine(Root, name);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            await db.Database.OpenConnectionAsync(ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var (cursor, request, _) = await ReadFeedAsync(connection, long.MaxValue, long.MaxValue, ct);
            var total = await ScalarAsync(connection, "SELECT count(*) FROM messages WHERE deleted_at IS NULL", ct);
            Volatile.Write(ref progress, new RebuildProgress(0, total, DateTimeOffset.UtcNow));
            var directory = FSDirectory.Open(new DirectoryInfo(path));
            var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.For(null))
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 64,
            };
            var writer = new IndexWriter(directory, config);
            var languages = await LanguagesAsync(connection, ct);
            long done = 0;
            long after = 0;
            while (true)
            {
                var rows = await ReadMessagesAsync(connection, languages, "m.id > @after AND m.deleted_at IS NULL ORDER BY m.id LIMIT @limit",
                    [new("after", after), new("limit", RebuildBatch)], ct);
                foreach (var row in rows)
                {
                    writer.AddDocument(SearchDocument.Build(row), SearchAnalyzers.For(row.Language));
                }

                done += rows.Count;
                Volatile.Write(ref progress, progress! with { Done = Math.Min(done, Math.Max(total, done)), Total = Math.Max(total, done) });
                if (rows.Count < RebuildBatch)
                {
                    break;
                }

                after = rows[^1].Id;
            }

            await db.Database.CloseConnectionAsync();
            Commit(writer, cursor, 0, request, languages);
            var gen = new Generation(path, directory, writer, cursor) { RebuildRequest = request, Languages = languages };
            Swap(gen);
            WriteCurrentName(name);
            lastRebuildAt = DateTimeOffset.UtcNow;
            logger.LogInformation("Search index rebuilt: {Count} messages in {Seconds:F1} s into {Folder}", done, watch.Elapsed.TotalSeconds, path);
            RemoveOtherFolders(name);
            return true;
        }
        finally
        {
            Volatile.Write(ref progress, null);
            Volatile.Write(ref rebuildRunning, 0);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the newest near-real-time searcher.</summary>
    public T Search<T>(Func<IndexSearcher, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var gen = Volatile.Read(ref current) ?? throw new InvalidOperationException("The search index is not open yet.");
        var searcher = gen.Manager.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            gen.Manager.Release(searcher);
        }
    }

    /// <summary>Deletes feed rows older than the retention (an index older than that rebuilds when it opens).</summary>
    public async Task<int> PruneFeedAsync(MessagingDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = options.FeedRetentionDays;
        return await db.Database.ExecuteSqlAsync($"DELETE FROM search_feed WHERE created_at < now() - make_interval(days => {days})", ct);
    }

    public void Dispose()
    {
        var gen = Interlocked.Exchange(ref current, null);
        if (gen is not null)
        {
            try
            {
                Commit(gen.Writer, gen.Cursor, gen.MaxPosition, gen.RebuildRequest, gen.Languages);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                logger.LogWarning(ex, "The search index could not be committed on shut-down; the feed is read again on start");
            }

            gen.Dispose();
        }

        gate.Dispose();
    }

    private void Swap(Generation gen)
    {
        var old = Interlocked.Exchange(ref current, gen);
        unavailable = false;
        readySignal.TrySetResult();
        if (old is not null)
        {
            // Searches that acquired the old searcher finish on it; it is closed a little later.
            _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);
        }
    }

    private Generation OpenGeneration(string path)
    {
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                throw new InvalidDataException("no index in " + path);
            }

            var data = DirectoryReader.ListCommits(directory)[^1].UserData;
            if (!data.TryGetValue("schema", out var schema) || schema != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new InvalidDataException($"schema {schema ?? "none"}, expected {SchemaVersion}");
            }

            var at = DateTimeOffset.Parse(data["at"], CultureInfo.InvariantCulture);
            if (at < DateTimeOffset.UtcNow.AddDays(-options.FeedRetentionDays))
            {
                throw new InvalidDataException($"last caught up {at:O}, older than the feed's retention");
            }

            using (var check = DirectoryReader.Open(directory))
            {
                _ = check.NumDocs;
            }

            var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.For(null)) { OpenMode = OpenMode.APPEND });
            var gen = new Generation(path, directory, writer, long.Parse(data["cursor"], CultureInfo.InvariantCulture))
            {
                MaxPosition = long.Parse(data["position"], CultureInfo.InvariantCulture),
                RebuildRequest = data.TryGetValue("request", out var request) ? long.Parse(request, CultureInfo.InvariantCulture) : 0,
                Languages = ParseLanguages(data.TryGetValue("languages", out var languages) ? languages : string.Empty),
            };
            return gen;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private static void Commit(IndexWriter writer, long cursor, long position, long request, Dictionary<long, string> languages)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            ["schema"] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
            ["request"] = request.ToString(CultureInfo.InvariantCulture),
            ["languages"] = string.Join(',', languages.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key}={l.Value}"))),
            ["cursor"] = cursor.ToString(CultureInfo.InvariantCulture),
            ["position"] = position.ToString(CultureInfo.InvariantCulture),
            ["at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        });
        writer.Commit();
    }

    /// <summary>The languages a commit recorded (<c>1=english,2=german</c>).</summary>
    private static Dictionary<long, string> ParseLanguages(string text)
    {
        var languages = new Dictionary<long, string>();
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && SearchAnalyzers.IsKnown(parts[1]))
            {
                languages[id] = parts[1];
            }
        }

        return languages;
    }

    private string? ReadCurrentName()
    {
        var file = Path.Combine(Root, "current");
        if (!File.Exists(file))
        {
            return null;
        }

        var name = File.ReadAllText(file).Trim();
        return name.Length > 0 && name.All(char.IsAsciiLetterOrDigit) ? name : null;
    }

    private void WriteCurrentName(string name)
    {
        var temp = Path.Combine(Root, "current.tmp");
        File.WriteAllText(temp, name);
        File.Move(temp, Path.Combine(Root, "current"), overwrite: true);
    }

    private void RemoveOtherFolders(string keep)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            if (name != keep && name.StartsWith('g'))
            {
                _ = Task.Delay(TimeSpan.FromSeconds(35)).ContinueWith(_ =>
                {
                    try
                    {
                        System.IO.Directory.Delete(folder, recursive: true);
                    }
                    catch (IOException)
                    {
                        // still open somewhere, or gone: removed on a later rebuild
                    }
                    catch (UnauthorizedAccessException)
                    {
                        // likewise
                    }
                }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Feed rows at or above <paramref name="cursor"/> after <paramref name="after"/>, and the xmin of the same snapshot.</summary>
    private static async Task<(long Xmin, long Request, List<FeedRow> Rows)> ReadFeedAsync(NpgsqlConnection connection, long cursor, long after, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH s AS (SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS xmin,
                              (SELECT coalesce(max(id), 0) FROM search_rebuild_requests) AS request)
            SELECT s.xmin, f.position, f.message_id, f.xid, f.created_at, s.request
            FROM s LEFT JOIN LATERAL (
                SELECT position, message_id, xid, created_at FROM search_feed
                WHERE xid >= @cursor AND position > @after ORDER BY position LIMIT @limit) f ON true
            """, connection);
        cmd.Parameters.AddWithValue("cursor", cursor);
        cmd.Parameters.AddWithValue("after", after);
        cmd.Parameters.AddWithValue("limit", FeedBatch);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        long xmin = 0;
        long request = 0;
        var rows = new List<FeedRow>();
        while (await reader.ReadAsync(ct))
        {
            xmin = reader.GetInt64(0);
            request = reader.GetInt64(5);
            if (!reader.IsDBNull(1))
            {
                rows.Add(new FeedRow(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4)));
            }
        }

        return (xmin, request, rows);
    }

    private static async Task<int> ApplyAsync(NpgsqlConnection connection, Generation gen, long[] ids, CancellationToken ct)
    {
        var rows = await ReadMessagesAsync(connection, gen.Languages, "m.id = ANY(@ids)", [new("ids", ids)], ct);
        var found = new HashSet<long>();
        foreach (var row in rows)
        {
            found.Add(row.Id);
            if (row.Deleted)
            {
                gen.Writer.DeleteDocuments(SearchDocument.IdTerm(row.Id));
            }
            else
            {
                gen.Writer.UpdateDocument(SearchDocument.IdTerm(row.Id), SearchDocument.Build(row), SearchAnalyzers.For(row.Language));
            }
        }

        foreach (var gone in ids.Where(id => !found.Contains(id)))
        {
            gen.Writer.DeleteDocuments(SearchDocument.IdTerm(gone));
        }

        return ids.Length;
    }

    /// <summary>Each workspace's search language (what its messages are stemmed with).</summary>
    private static async Task<Dictionary<long, string>> LanguagesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT id, search_language FROM workspaces WHERE search_language <> 'english'", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var languages = new Dictionary<long, string>();
        while (await reader.ReadAsync(ct))
        {
            if (SearchAnalyzers.IsKnown(reader.GetString(1)))
            {
                languages[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return languages;
    }

    private static async Task<List<IndexedMessage>> ReadMessagesAsync(
        NpgsqlConnection connection, Dictionary<long, string> languages, string where, NpgsqlParameter[] parameters, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT m.id, m.workspace_id, m.conversation_id, m.author_member_id, m.body, m.attachment_names, m.visibility,
                   m.hidden_at IS NOT NULL, m.deleted_at IS NOT NULL, m.kind, m.created_at,
                   coalesce(f.categories, '{"{}"}'), coalesce(f.extensions, '{"{}"}'), coalesce(t.text, '')
            FROM messages m
            LEFT JOIN LATERAL (
                SELECT array_agg(a.category::text ORDER BY a.id) AS categories, array_agg(a.extension::text ORDER BY a.id) AS extensions
                FROM attachments a WHERE a.message_id = m.id) f ON true
            LEFT JOIN LATERAL (
                SELECT string_agg(x.text, E'\n' ORDER BY x.attachment_id) AS text
                FROM attachment_texts x WHERE x.message_id = m.id AND x.text <> '') t ON true
            WHERE {where}
            """, connection);
        cmd.Parameters.AddRange(parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<IndexedMessage>();
        while (await reader.ReadAsync(ct))
        {
            var workspace = reader.GetInt64(1);
            rows.Add(new IndexedMessage(
                reader.GetInt64(0), workspace, reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetBoolean(7), reader.GetBoolean(8), reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10),
                SearchDocument.FileTypes(reader.GetFieldValue<string[]>(11), reader.GetFieldValue<string[]>(12).Select(e => e.TrimStart('.'))),
                languages.GetValueOrDefault(workspace, SearchAnalyzers.English), reader.GetString(13)));
        }

        return rows;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private sealed record FeedRow(long Position, long MessageId, long Xid, DateTimeOffset CreatedAt);

    /// <summary>One folder's index: its writer, the near-real-time searchers over it, and how far it follows the feed.</summary>
    private sealed class Generation : IDisposable
    {
        public Generation(string path, LuceneDirectory directory, IndexWriter writer, long cursor)
        {
            Path = path;
            Directory = directory;
            Writer = writer;
            Cursor = cursor;
            Manager = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        }

        public string Path { get; }

        public LuceneDirectory Directory { get; }

        public IndexWriter Writer { get; }

        public SearcherManager Manager { get; }

        /// <summary>Every transaction below this xid is in the index.</summary>
        public long Cursor { get; set; }

        public long MaxPosition { get; set; }

        /// <summary>Positions applied whose transactions are at or above the cursor (read again until it passes them).</summary>
        public Dictionary<long, long> Applied { get; } = [];

        public bool Dirty { get; set; }

        /// <summary>The newest rebuild request this index was built after (<see cref="SearchRebuildRequest"/>).</summary>
        public long RebuildRequest { get; init; }

        /// <summary>Workspaces not in English, as they were when this index was built.</summary>
        public Dictionary<long, string> Languages { get; init; } = [];

        public void Dispose()
        {
            Manager.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }
}

/// <summary>What the admin page shows of this node's index.</summary>
public sealed record SearchIndexStatus(
    bool Ready, string? Folder, int? Documents, long? Cursor, RebuildProgress? Rebuild, DateTimeOffset? LastRebuildAt,
    double? LastRefreshMs, double? LastFeedToSearchableMs)
{
    /// <summary>The newest rebuild request this index was built after.</summary>
    public long RebuildRequest { get; init; }
}

/// <summary>A rebuild under way: <see cref="Done"/> of about <see cref="Total"/> messages.</summary>
public sealed record RebuildProgress(long Done, long Total, DateTimeOffset StartedAt)
{
    public int Percent => Total <= 0 ? 100 : (int)Math.Min(100, Done * 100 / Total);
}
