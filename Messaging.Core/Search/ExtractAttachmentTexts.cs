using Messaging.Core.Attachments;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Search;

/// <summary>
/// Reads the text of attachments that have none recorded yet (PDF, Word, Excel, PowerPoint, text, CSV), off the
/// request path: the web host's extractor calls it in a loop. Each file gets one <c>attachment_texts</c> row, written
/// on its own, whose trigger puts the message on the search feed, so every node indexes the text. Bounded: a file
/// over <see cref="SearchIndexOptions.ExtractMaxBytes"/> is not read, reading stops after
/// <see cref="SearchIndexOptions.ExtractTimeoutSeconds"/> (the reading thread is abandoned, and its text never stored)
/// and keeps at most <see cref="SearchIndexOptions.ExtractMaxChars"/> characters. A file that cannot be read
/// (broken, encrypted, missing from storage) is recorded with its reason and is found by its name only; it never
/// stops the others. Returns how many files were tried.
/// </summary>
public sealed class ExtractAttachmentTexts(MessagingDbContext db, IBlobStore store, IOptions<SearchIndexOptions> options, TimeProvider clock, ILogger<ExtractAttachmentTexts> logger)
{
    public const int Batch = 20;

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var o = options.Value;
        var extensions = AttachmentTextReader.Extensions.ToArray();
        var texts = db.Set<AttachmentText>();
        var pending = await db.Attachments.AsNoTracking()
            .Where(a => a.PurgedAt == null && extensions.Contains(a.Extension) && !texts.Any(t => t.AttachmentId == a.Id))
            .OrderBy(a => a.Id)
            .Take(Batch)
            .Select(a => new Pending(a.Id, a.MessageId, a.Extension, a.SizeBytes, a.StorageKey))
            .ToListAsync(ct);
        foreach (var file in pending)
        {
            var (status, text) = await ReadAsync(file, o, ct);
            var at = clock.GetUtcNow();

            // Another node may have read it meanwhile: the first row stays.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO attachment_texts (attachment_id, message_id, status, text, extracted_at)
                VALUES ({file.Id}, {file.MessageId}, {status}, {text}, {at})
                ON CONFLICT (attachment_id) DO NOTHING
                """, ct);
        }

        return pending.Count;
    }

    private async Task<(string Status, string Text)> ReadAsync(Pending file, SearchIndexOptions o, CancellationToken ct)
    {
        if (file.SizeBytes > o.ExtractMaxBytes)
        {
            return (AttachmentTextStatus.TooLarge, string.Empty);
        }

        byte[] bytes;
        await using (var stream = await store.OpenReadAsync(file.StorageKey, ct))
        {
            if (stream is null)
            {
                return (AttachmentTextStatus.Missing, string.Empty);
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > o.ExtractMaxBytes)
                {
                    return (AttachmentTextStatus.TooLarge, string.Empty);
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }

        var work = Task.Run(() => AttachmentTextReader.Read(bytes, file.Extension, o.ExtractMaxChars), CancellationToken.None);
        try
        {
            var text = await work.WaitAsync(TimeSpan.FromSeconds(o.ExtractTimeoutSeconds), ct);

            // PostgreSQL text holds no NUL.
            return (AttachmentTextStatus.Extracted, text.Replace("\0", string.Empty, StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            _ = work.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            logger.LogWarning("Reading the text of attachment {Id} took longer than {Seconds} s; it is searchable by name only", file.Id, o.ExtractTimeoutSeconds);
            return (AttachmentTextStatus.TimedOut, string.Empty);
        }
        catch (AttachmentEncryptedException)
        {
            return (AttachmentTextStatus.Encrypted, string.Empty);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "The text of attachment {Id} ({Extension}) could not be read; it is searchable by name only", file.Id, file.Extension);
            return (AttachmentTextStatus.Failed, string.Empty);
        }
    }

    private sealed record Pending(long Id, long MessageId, string Extension, long SizeBytes, string StorageKey);
}
