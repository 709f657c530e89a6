using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Messaging.Core.Common;

namespace Messaging.Core.Attachments;

/// <summary>
/// Streams one uploaded file into the blob store in fixed-size chunks (never the whole file in memory),
/// hashing it with SHA-256 as it goes. Before writing it checks the count, the type against the allow-list
/// and the leading bytes against the extension; while writing, the size per file, per message and the
/// project's quota. A refused file leaves nothing behind: its blob is deleted before this returns.
/// </summary>
public sealed class StoreUploadedFile(IBlobStore store, TimeProvider clock)
{
    private const int ChunkSize = 81_920;

    public async Task<Result<StoredFile>> HandleAsync(UploadBatch batch, string? rawName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(content);
        var settings = batch.Policy.Settings;
        var name = FileNames.MakeSafe(rawName);
        if (batch.Files.Count >= FileSettings.MaxFilesPerMessage)
        {
            return Invalid($"You can attach at most {FileSettings.MaxFilesPerMessage} files to a message.");
        }

        var type = FileTypes.Find(FileNames.ExtensionOf(name));
        if (type is null || !settings.AllowedExtensions.Contains(type.Extension))
        {
            return Invalid($"“{name}” can't be attached: this type of file is not allowed. Allowed: {string.Join(", ", settings.AllowedExtensions.Order(StringComparer.Ordinal))}.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var headerLength = await FillAsync(content, buffer, FileTypes.HeaderLength, ct);
            if (!FileTypes.ContentAgrees(type, buffer.AsMemory(0, headerLength)))
            {
                return Invalid($"“{name}” is not really a {type.Label} file: its content does not match its extension.");
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"{batch.Policy.WorkspaceId}/{clock.GetUtcNow():yyyy/MM}/{Guid.CreateVersion7():N}");
            batch.Writing(key);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            string? refusal = null;
            try
            {
                await using var blob = await store.CreateAsync(key, ct);
                var chunk = headerLength;
                while (chunk > 0)
                {
                    size += chunk;
                    refusal = OverLimit(batch, name, size);
                    if (refusal is not null)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, chunk);
                    await blob.WriteAsync(buffer.AsMemory(0, chunk), ct);
                    chunk = await content.ReadAsync(buffer.AsMemory(0, ChunkSize), ct);
                }
            }
            catch (IOException ex) when (StoreFull.Is(ex))
            {
                // The disk (or its quota) is full: the partial blob goes, and the batch is refused as a whole.
                batch.MarkStoreFull();
                refusal = StoreFull.Message;
            }

            if (refusal is not null)
            {
                await store.DeleteAsync(key, CancellationToken.None);
                return Invalid(refusal);
            }

            var file = new StoredFile(name, type, size, Convert.ToHexStringLower(hash.GetHashAndReset()), key);
            batch.Add(file);
            return Result<StoredFile>.Ok(file);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? OverLimit(UploadBatch batch, string name, long size)
    {
        var settings = batch.Policy.Settings;
        if (size > settings.MaxFileBytes)
        {
            return $"“{name}” is larger than the {FileSize.Format(settings.MaxFileBytes)} allowed per file.";
        }

        if (batch.TotalBytes + size > settings.MaxMessageBytes)
        {
            return $"Together the files are larger than the {FileSize.Format(settings.MaxMessageBytes)} allowed per message.";
        }

        if (batch.Policy.QuotaLeft is { } left && batch.TotalBytes + size > left)
        {
            return $"“{name}” does not fit in this project's storage quota ({FileSize.Format(settings.ProjectQuotaBytes)}; {FileSize.Format(left)} left).";
        }

        return null;
    }

    /// <summary>Reads until <paramref name="count"/> bytes are in the buffer or the stream ends: the type check needs the whole header.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken ct)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, count - filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private static Result<StoredFile> Invalid(string error) => Result<StoredFile>.Invalid(AttachmentFields.Files, error);
}
