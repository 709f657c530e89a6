using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Messaging.Core.Attachments;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Search;
using Messaging.Web.Attachments.Previews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Messaging.Tests.Attachments;

/// <summary>
/// Server-made previews (issue 26): an image's thumbnail, a video's poster frame (ffmpeg) and a PDF's first page
/// (pdftoppm) as JPEGs of at most 640 pixels a side, made off the request path; a decompression bomb, a broken file
/// or one over the size bound gets none and keeps its icon; a preview is served only to members who may have the
/// file, and goes with the file when it is purged. The files are made here with the same tools.
/// </summary>
public sealed class PreviewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Moodboard = "Moodboard feedback";

    private static PreviewMaker Maker(PreviewOptions? o = null) => new(Options.Create(o ?? new PreviewOptions()));

    private static string Temp(string extension, byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"preview-test-{Guid.NewGuid():N}.{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Png(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels, with hardly any data behind it.</summary>
    private static byte[] ClaimedPng(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        Chunk(stream, "IHDR", header);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static (int Width, int Height, SKColor Center) Read(byte[] jpeg)
    {
        Assert.True(jpeg is [0xFF, 0xD8, ..], "not a JPEG");
        using var bitmap = SKBitmap.Decode(jpeg);
        Assert.NotNull(bitmap);
        return (bitmap.Width, bitmap.Height, bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2));
    }

    private static byte[] Video(int width, int height)
    {
        var path = Path.Combine(Path.GetTempPath(), $"preview-test-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"color=c=red:s={width}x{height}:r=10:d=2"), "-pix_fmt", "yuv420p", "-movflags", "+faststart", path })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "ffmpeg could not make the test video: " + error);
        try
        {
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnImageIsScaledToFitAndFlattenedIntoAJpeg()
    {
        var path = Temp("png", Png(2000, 1000, SKColors.Red));
        try
        {
            var picture = await Maker().MakeAsync(path, FileCategory.Image, "png", CancellationToken.None);
            var (width, height, center) = Read(picture.Jpeg);
            Assert.Equal((640, 320), (width, height));
            Assert.Equal((640, 320), (picture.Width, picture.Height));
            Assert.True(center.Red > 200 && center.Green < 60 && center.Blue < 60, $"center {center}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ADecompressionBombIsRefusedFromItsHeaderBeforeAnythingIsDecoded()
    {
        var path = Temp("png", ClaimedPng(60_000, 60_000));
        try
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var ex = await Assert.ThrowsAsync<PreviewTooLargeException>(() => Maker().MakeAsync(path, FileCategory.Image, "png", CancellationToken.None));
            Assert.Contains("60000 x 60000", ex.Message, StringComparison.Ordinal);
            Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 50_000_000, "the image was decoded");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AVideoGetsAPosterFrameAndAPdfItsFirstPage()
    {
        var video = Temp("mp4", Video(1280, 720));
        var pdf = Temp("pdf", AttachmentTextSearchTests.Pdf("First page of the brief"));
        try
        {
            var poster = await Maker().MakeAsync(video, FileCategory.Video, "mp4", CancellationToken.None);
            var (w, h, center) = Read(poster.Jpeg);
            Assert.Equal((640, 360), (w, h));
            Assert.True(center.Red > 180 && center.Green < 80, $"poster center {center}");

            var page = await Maker().MakeAsync(pdf, FileCategory.Pdf, "pdf", CancellationToken.None);
            var (pw, ph, _) = Read(page.Jpeg);
            Assert.Equal(640, Math.Max(pw, ph));
            Assert.True(ph > pw, $"an A4 page is portrait: {pw} x {ph}");
        }
        finally
        {
            File.Delete(video);
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task ABrokenFileThrowsAndATimeIsUpKillsTheTool()
    {
        var broken = Temp("pdf", "%PDF-1.4 not really"u8.ToArray());
        var image = Temp("jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Maker().MakeAsync(broken, FileCategory.Pdf, "pdf", CancellationToken.None));
            await Assert.ThrowsAnyAsync<Exception>(() => Maker().MakeAsync(image, FileCategory.Image, "jpg", CancellationToken.None));
            Assert.False(Maker().CanPreview(FileCategory.Image, "heic"));
            Assert.False(Maker().CanPreview(FileCategory.Document, "docx"));

            var video = Temp("mp4", Video(320, 240));
            try
            {
                using var cancelled = new CancellationTokenSource();
                await cancelled.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Maker().MakeAsync(video, FileCategory.Video, "mp4", cancelled.Token));
            }
            finally
            {
                File.Delete(video);
            }
        }
        finally
        {
            File.Delete(broken);
            File.Delete(image);
        }
    }

    private async Task<long> MessageAsync(string body)
    {
        var conversation = await factory.Database.ConversationIdAsync(Moodboard);
        var author = await factory.Database.MemberIdAsync(Demo.Client);
        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
            SELECT workspace_id, id, {author.ToString(CultureInfo.InvariantCulture)}, '{body}', 'Everyone', now()
            FROM conversations WHERE id = {conversation.ToString(CultureInfo.InvariantCulture)} RETURNING id
            """);
    }

    private async Task MakeAllAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<MakeAttachmentPreviews>().HandleAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }
    }

    private Task<string> StatusAsync(long attachment) =>
        factory.Database.ScalarAsync<string>($"SELECT status FROM attachment_previews WHERE attachment_id = {attachment.ToString(CultureInfo.InvariantCulture)}");

    [Fact]
    public async Task ThePreviewIsServedToWhoMayHaveTheFileAndShownInTheThread()
    {
        var message = await MessageAsync("The photo and the cut");
        var photo = await factory.AttachAsync(message, "photo.png", Png(1200, 900, SKColors.Blue));
        var cut = await factory.AttachAsync(message, "cut.mp4", Video(640, 480));
        var bomb = await factory.AttachAsync(message, "bomb.png", ClaimedPng(50_000, 50_000));
        var sheet = await factory.AttachAsync(message, "numbers.csv", TestFiles.Csv);
        await MakeAllAsync();

        Assert.Equal(AttachmentPreviewStatus.Ready, await StatusAsync(photo));
        Assert.Equal(AttachmentPreviewStatus.Ready, await StatusAsync(cut));
        Assert.Equal(AttachmentPreviewStatus.TooLarge, await StatusAsync(bomb));
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM attachment_previews WHERE attachment_id = {sheet.ToString(CultureInfo.InvariantCulture)}"));

        using var chloe = await factory.SignInAsync(Demo.Client);
        var response = await chloe.GetAsync($"/files/{photo}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((640, 480), (Read(await response.Content.ReadAsByteArrayAsync()).Width, Read(await response.Content.ReadAsByteArrayAsync()).Height));
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/files/{bomb}/thumbnail")).StatusCode);

        using var carlos = await factory.SignInAsync(Demo.Client2);
        Assert.Equal(HttpStatusCode.NotFound, (await carlos.GetAsync($"/files/{photo}/thumbnail")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carlos.GetAsync($"/files/{cut}/thumbnail")).StatusCode);

        var conversation = await factory.Database.ConversationIdAsync(Moodboard);
        var page = PortalClient.Parse(await (await chloe.GetAsync($"/portal/messages/{conversation}")).Content.ReadAsStringAsync());
        var img = page.QuerySelector($"[data-attachment-id='{photo}'] img[data-testid=attachment-preview]");
        Assert.NotNull(img);
        Assert.Equal($"/files/{photo}/thumbnail", img.GetAttribute("src"));
        Assert.Equal("640", img.GetAttribute("width"));
        var player = page.QuerySelector($"video[data-testid=attachment-video][src='/files/{cut}']");
        Assert.NotNull(player);
        Assert.Equal($"/files/{cut}/thumbnail", player.GetAttribute("poster"));
        Assert.Null(page.QuerySelector($"[data-attachment-id='{bomb}'] img"));
    }

    [Fact]
    public async Task APreviewGoesWithItsFileWhenTheFileIsPurged()
    {
        var message = await MessageAsync("Soon deleted");
        var photo = await factory.AttachAsync(message, "old.png", Png(100, 100, SKColors.Green));
        await MakeAllAsync();
        Assert.Equal(AttachmentPreviewStatus.Ready, await StatusAsync(photo));

        await factory.Database.ExecuteAsync($"UPDATE messages SET deleted_at = now() - interval '400 days' WHERE id = {message.ToString(CultureInfo.InvariantCulture)}");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PurgeFiles>().HandleAsync(TimeSpan.FromDays(1), CancellationToken.None);
        }

        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM attachment_previews WHERE attachment_id = {photo.ToString(CultureInfo.InvariantCulture)}"));
        using var chloe = await factory.SignInAsync(Demo.Client);
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.GetAsync($"/files/{photo}/thumbnail")).StatusCode);
    }
}
