namespace Messaging.Core.Attachments;

/// <summary>A stored blob as the cleanup job sees it.</summary>
public sealed record BlobInfo(string Key, DateTimeOffset LastModified);

/// <summary>
/// Where attachment bytes live (the port; local disk under <c>.data/files</c> by default). Keys are chosen
/// by Core (<see cref="StoreUploadedFile"/>): lower-case letters, digits and "/" only.
/// </summary>
public interface IBlobStore
{
    /// <summary>A new, empty blob to write to; the caller disposes the stream, and deletes the key if it gives up.</summary>
    Task<Stream> CreateAsync(string key, CancellationToken ct);

    /// <summary>The blob's bytes, or null when there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Removes the blob; removing one that does not exist is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Every blob, for the cleanup job's search for blobs no attachment references.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(CancellationToken ct);
}
