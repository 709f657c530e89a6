using System.Diagnostics;
using System.Globalization;
using System.Text;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>
/// Previews as people see them (issue 26): a video and a PDF are previewed in the composer before sending (the
/// video's first frame, the PDF's chip), and once sent the server makes a poster frame and a first-page picture that
/// the thread shows at phone and desktop width; the video plays in place.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class PreviewTests(PortalServer server)
{
    private static byte[] Video()
    {
        var path = Path.Combine(Path.GetTempPath(), $"e2e-preview-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=10:duration=2", "-pix_fmt", "yuv420p", "-movflags", "+faststart", path })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "ffmpeg: " + error);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    /// <summary>A one-page PDF with a line of text, written out by hand (offsets computed, so any reader takes it).</summary>
    private static byte[] Pdf(string text)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var content = $"BT /F1 36 Tf 60 700 Td ({text}) Tj ET";
        objects[3] = $"<< /Length {content.Length} >>\nstream\n{content}\nendstream";
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task AVideoAndAPdfArePreviewedBeforeSendingAndByTheServerAfter(string label, int width, int height)
    {
        await using var context = await server.ContextForAsync("client@demo.local", width, height);
        var page = await context.NewPageAsync();
        await new ConversationListPage(page).OpenAsync("portal");
        var row = page.GetByTestId("conversation-row").Filter(new() { HasText = "Moodboard feedback" });
        var id = long.Parse((await row.GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
        var thread = new ThreadPage(page);
        await thread.OpenAsync("portal", id);
        var picker = new AttachmentPicker(page);
        await picker.AttachThroughTheChooserAsync(
            new FilePayload { Name = "cut.mp4", MimeType = "video/mp4", Buffer = Video() },
            new FilePayload { Name = "brief.pdf", MimeType = "application/pdf", Buffer = Pdf("The brief, page one") });
        await Expect(picker.Chips).ToHaveCountAsync(2);
        await Expect(picker.Thumbnails).ToHaveCountAsync(1); // the video's first frame

        var text = $"Cut and brief {label} {Guid.NewGuid():N}";
        await thread.SendAsync(text);
        var message = page.GetByTestId("message").Filter(new() { HasText = text });
        await Expect(AttachmentPicker.LinksIn(message)).ToHaveCountAsync(2);

        // The server makes the previews off the request path; the next load shows them.
        var pdfPicture = page.GetByTestId("message").Filter(new() { HasText = text }).Locator("img[data-preview=server]");
        for (var i = 0; i < 40 && await pdfPicture.CountAsync() == 0; i++)
        {
            await Task.Delay(500);
            await thread.OpenAsync("portal", id);
        }

        await Expect(pdfPicture).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalHeight > img.naturalWidth", await pdfPicture.ElementHandleAsync());
        var video = message.GetByTestId("attachment-video");
        await Expect(video).ToHaveAttributeAsync("poster", new System.Text.RegularExpressions.Regex("/thumbnail$"));
        await video.ScrollIntoViewIfNeededAsync();
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"portal-thread-previews-{label}.png") });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the thread with previews scrolls sideways at {width}px");
    }
}
