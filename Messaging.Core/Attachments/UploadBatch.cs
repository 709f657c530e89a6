using System.Globalization;
using System.Security.Cryptography;
using Messaging.Core.Common;

namespace Messaging.Core.Attachments;

/// <summary>A file already in the blob store, waiting for its message to be committed.</summary>
public sealed record StoredFile(string FileName, FileType Type, long SizeBytes, string Sha256, string StorageKey);

/// <summary>
/// The files of one message as they arrive: the limits they are checked against and the blobs already
/// written, so a refusal anywhere (a later file, the message itself) can remove all of them.
/// </summary>
public sealed class UploadBatch(UploadPolicy policy)
{
    private readonly List<StoredFile> files = [];
    private readonly List<string> written = [];

    public UploadPolicy Policy { get; } = policy;

    public IReadOnlyList<StoredFile> Files => files;

    /// <summary>Every key written for this batch, finished or not: what <see cref="DiscardUnusedUploads"/> looks at.</summary>
    public IReadOnlyList<string> WrittenKeys => written;

    public long TotalBytes => files.Sum(f => f.SizeBytes);

    /// <summary>A file could not be written because the blob store's disk (or quota) is full (<see cref="StoreFull"/>).</summary>
    public bool StoreFull { get; private set; }

    internal void MarkStoreFull() => StoreFull = true;

    internal void Writing(string key) => written.Add(key);

    internal void Add(StoredFile file) => files.Add(file);
}
