using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Messaging.Core.Attachments;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Attachments;

/// <summary>
/// The default blob store: one file per blob under <see cref="FileStorageOptions.Root"/>. Keys are checked
/// against a strict pattern, so no key can point outside the folder.
/// </summary>
public sealed partial class LocalDiskBlobStore : IBlobStore
{
    public LocalDiskBlobStore(IOptions<FileStorageOptions> options, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));
    }

    public string Root { get; }

    public Task<Stream> CreateAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Stream stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous);
        return Task.FromResult(stream);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (KeyPattern().IsMatch(key))
            {
                yield return new BlobInfo(key, File.GetLastWriteTimeUtc(path));
            }

            await Task.Yield();
        }
    }

    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"Not a blob key: {key}", nameof(key));
        }

        return Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    [GeneratedRegex("^[a-z0-9]+(/[a-z0-9]+){0,5}$")]
    private static partial Regex KeyPattern();
}
