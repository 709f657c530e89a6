using System.Diagnostics;
using System.Net;
using Messaging.Core.Attachments;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Reliability;

/// <summary>
/// The blob store's disk is full: where the process may mount (root on this machine) its folder is a real 1 MB tmpfs, so the kernel
/// answers ENOSPC halfway through a file; otherwise (a normal user, or a container without the right to mount) every blob is written to <c>/dev/full</c>, which
/// answers ENOSPC to the first write. Either way the error is the kernel's, not a thrown fake.
/// </summary>
public sealed class FullDiskPortalFactory : PortalFactory
{
    public bool Mounted { get; private set; }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(FilesRoot);
        Mounted = Environment.IsPrivilegedProcess && TryRun("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", FilesRoot);
        if (!Mounted)
        {
            builder.ConfigureServices(s => s.AddSingleton<IBlobStore>(sp => new DevFullBlobStore(ActivatorUtilities.CreateInstance<Messaging.Web.Attachments.LocalDiskBlobStore>(sp))));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Mounted)
        {
            Run("umount", FilesRoot);
            Mounted = false;
        }
    }

    private static void Run(string file, params string[] args)
    {
        if (!TryRun(file, args))
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed");
        }
    }

    /// <summary>Runs a command; false when it fails (root in a container without the right to mount, for one).</summary>
    private static bool TryRun(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true }) ?? throw new InvalidOperationException(file);
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    /// <summary>The local store, but each new blob's bytes go to /dev/full (ENOSPC on write), for a run without the right to mount.</summary>
    private sealed class DevFullBlobStore(IBlobStore inner) : IBlobStore
    {
        public Task<Stream> CreateAsync(string key, CancellationToken ct) =>
            Task.FromResult<Stream>(new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1, FileOptions.Asynchronous));

        public Task<Stream?> OpenReadAsync(string key, CancellationToken ct) => inner.OpenReadAsync(key, ct);

        public Task DeleteAsync(string key, CancellationToken ct) => inner.DeleteAsync(key, ct);

        public IAsyncEnumerable<BlobInfo> ListAsync(CancellationToken ct) => inner.ListAsync(ct);
    }
}

/// <summary>Uploads into a full blob store: 507 with "The file store is full", no message, no attachment row, no partial file; space again, and the same upload goes through.</summary>
public sealed class FullDiskTests(FullDiskPortalFactory factory) : IClassFixture<FullDiskPortalFactory>
{
    [Fact]
    public async Task AnUploadIntoAFullStoreAnswers507WithAClearMessageAndLeavesNothingBehind()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var url = $"/portal/messages/{id}";
        var messages = await factory.Database.MessageCountAsync(id);
        var attachments = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM attachments");
        var blobs = factory.StoredBlobs();
        var free = factory.Mounted ? new DriveInfo(factory.FilesRoot).AvailableFreeSpace : 0;
        var tooBig = TestFiles.Zip((int)free + 200_000);

        using var htmx = await client.PostFilesAsync(url, "the whole archive", [("brief.csv", TestFiles.Csv), ("archive.zip", tooBig)]);
        using var plain = await client.PostFilesAsync(url, "the whole archive", [("archive.zip", tooBig)], htmx: false);

        foreach (var response in new[] { htmx, plain })
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var page = PortalClient.Parse(html);
            Assert.Contains("The file store is full", page.QuerySelector("[data-testid=reply-error]")?.TextContent ?? html, StringComparison.Ordinal);
            Assert.Equal("the whole archive", page.QuerySelector("textarea[name='Input.Body']")?.TextContent.Trim());
        }

        Assert.Equal(messages, await factory.Database.MessageCountAsync(id));
        Assert.Equal(attachments, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM attachments"));
        Assert.Equal(blobs, factory.StoredBlobs());
        if (factory.Mounted)
        {
            // The partial file is gone, so the space is back; a file that fits is stored as usual.
            Assert.Equal(free, new DriveInfo(factory.FilesRoot).AvailableFreeSpace);
            using var small = await client.PostFilesAsync(url, "just the palette", [("palette.png", TestFiles.Png)]);
            Assert.Equal(HttpStatusCode.OK, small.StatusCode);
            Assert.Equal(messages + 1, await factory.Database.MessageCountAsync(id));
            Assert.Equal(blobs.Count + 1, factory.StoredBlobs().Count);
        }
    }
}
