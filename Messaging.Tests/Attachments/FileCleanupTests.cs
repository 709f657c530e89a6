using Messaging.Core.Attachments;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Attachments;

/// <summary>The cleanup job: bytes of deleted messages' files go after the retention period; blobs of interrupted uploads go after the grace period; nothing else is touched.</summary>
public sealed class FileCleanupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    private async Task<PurgeReport> RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PurgeFiles>().HandleAsync(Grace, CancellationToken.None);
    }

    private async Task<(long Id, string Path)> AttachedAsync(string name, string? deletedAgo)
    {
        var conversation = await factory.Database.ConversationIdAsync("Invoice question");
        var message = await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, kind, created_at, deleted_at)
            SELECT c.workspace_id, c.id, c.created_by_member_id, 'with a file', 'Everyone', 'Text', now() - interval '60 days', {(deletedAgo is null ? "NULL" : $"now() - interval '{deletedAgo}'")}
            FROM conversations c WHERE c.id = {conversation} RETURNING id
            """);
        var id = await factory.AttachAsync(message, name, TestFiles.Csv);
        var key = await factory.Database.ScalarAsync<string>($"SELECT storage_key FROM attachments WHERE id = {id}");
        var path = Path.Combine(factory.FilesRoot, key);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-60));
        return (id, path);
    }

    private string Orphan(string key, TimeSpan age)
    {
        var path = Path.Combine(factory.FilesRoot, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, TestFiles.Csv);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    [Fact]
    public async Task BytesOfFilesDeletedLongerAgoThanTheRetentionPeriodAreRemovedAndEverythingElseStays()
    {
        var expired = await AttachedAsync("expired.csv", "31 days");
        var recent = await AttachedAsync("recent.csv", "2 days");
        var live = await AttachedAsync("live.csv", null);
        var interrupted = Orphan("1/2020/01/0123456789abcdef0123456789abcdef", TimeSpan.FromDays(2));
        var uploading = Orphan("1/2020/01/fedcba9876543210fedcba9876543210", TimeSpan.FromMinutes(5));

        var report = await RunAsync();

        Assert.False(File.Exists(expired.Path));
        Assert.NotNull(await factory.Database.ScalarAsync<object>($"SELECT purged_at FROM attachments WHERE id = {expired.Id}") as DateTime?);
        Assert.True(File.Exists(recent.Path));
        Assert.True(File.Exists(live.Path));
        Assert.False(File.Exists(interrupted));
        Assert.True(File.Exists(uploading));
        Assert.True(report.ExpiredFiles >= 1);
        Assert.True(report.OrphanBlobs >= 1);

        var again = await RunAsync();
        Assert.Equal(0, again.ExpiredFiles);
        Assert.True(File.Exists(live.Path));
    }

    [Fact]
    public async Task TheRetentionPeriodIsTheWorkspacesSetting()
    {
        var file = await AttachedAsync("three-days.csv", "3 days");
        await factory.Database.ExecuteAsync("UPDATE workspaces SET file_retention_days = 2");
        try
        {
            await RunAsync();
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET file_retention_days = 30");
        }

        Assert.False(File.Exists(file.Path));
    }
}
