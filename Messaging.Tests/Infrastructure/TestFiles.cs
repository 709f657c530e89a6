using System.Security.Cryptography;
using Messaging.Core.Attachments;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Infrastructure;

/// <summary>Small files of each kind the tests upload, with real leading bytes, and a way to attach one directly.</summary>
public static class TestFiles
{
    /// <summary>A valid 1×1 PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static byte[] Pdf { get; } = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static byte[] Csv { get; } = "name,amount\nSpring campaign,1200\nAutumn,800\n"u8.ToArray();

    public static byte[] Zip(int size)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[2] = 0x03;
        bytes[3] = 0x04;
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Files in the app's blob store folder (what an upload left on disk).</summary>
    public static IReadOnlyList<string> StoredBlobs(this PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Directory.Exists(factory.FilesRoot) ? Directory.GetFiles(factory.FilesRoot, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>Attaches a file to an existing message through the app's blob store and a row, as an upload would have.</summary>
    public static async Task<long> AttachAsync(this PortalFactory factory, long messageId, string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(bytes);
        var type = FileTypes.Find(FileNames.ExtensionOf(name)) ?? throw new ArgumentException("unknown type", nameof(name));
        var key = $"test/{Guid.NewGuid():N}";
        var store = factory.Services.GetRequiredService<IBlobStore>();
        await using (var blob = await store.CreateAsync(key, CancellationToken.None))
        {
            await blob.WriteAsync(bytes);
        }

        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO attachments (workspace_id, conversation_id, message_id, uploader_member_id, file_name, extension, content_type, category, size_bytes, sha256, storage_key, created_at)
            SELECT workspace_id, conversation_id, id, author_member_id, '{name.Replace("'", "''", StringComparison.Ordinal)}', '{type.Extension}', '{type.ContentType}', '{type.Category}', {bytes.Length}, '{Sha256(bytes)}', '{key}', now()
            FROM messages WHERE id = {messageId} RETURNING id
            """);
    }
}
