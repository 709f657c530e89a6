using System.Globalization;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>Files in a conversation, as people use them in the browser.</summary>
[Collection(PortalGroup.Name)]
public sealed class AttachmentTests(PortalServer server)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4EaCBFTEMLQkAaplQAc/OcKAAAAAASUVORK5CYII=");

    private static readonly byte[] Csv = "shot,day\nbeach,1\nstudio,2\n"u8.ToArray();

    private static async Task<long> ConversationIdAsync(IPage page, string subject)
    {
        await new ConversationListPage(page).OpenAsync("portal");
        var row = page.GetByTestId("conversation-row").Filter(new() { HasText = subject });
        return long.Parse((await row.GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TwoFilesAttachedThroughTheChooserArePreviewedSentAndDownloadedByTheOtherParticipantWithIdenticalBytes()
    {
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        var clientPage = await clientContext.NewPageAsync();
        var id = await ConversationIdAsync(clientPage, "Moodboard feedback");
        var thread = new ThreadPage(clientPage);
        await thread.OpenAsync("portal", id);
        var picker = new AttachmentPicker(clientPage);

        await picker.AttachThroughTheChooserAsync(
            new FilePayload { Name = "swatch.png", MimeType = "image/png", Buffer = Png },
            new FilePayload { Name = "shot-list.csv", MimeType = "text/csv", Buffer = Csv });

        // Before sending: a thumbnail for the image, a name and size chip for the other, each removable.
        await Expect(picker.Chips).ToHaveCountAsync(2);
        await Expect(picker.Thumbnails).ToHaveCountAsync(1);
        await Expect(picker.Chips.Nth(1)).ToContainTextAsync("shot-list.csv");
        await Expect(picker.Chips.Nth(1)).ToContainTextAsync($"{Csv.Length} bytes");
        await Expect(clientPage.GetByTestId("reply-form").GetByTestId("attach-remove")).ToHaveCountAsync(2);
        Assert.Equal(2, await clientPage.GetByTestId("attach-input").EvaluateAsync<int>("i => i.files.length"));

        var text = $"References attached {Guid.NewGuid():N}";
        await thread.SendAsync(text);

        // In the thread: the message with both files, the image previewed inline.
        var message = clientPage.GetByTestId("message").Filter(new() { HasText = text });
        await Expect(AttachmentPicker.LinksIn(message)).ToHaveCountAsync(2);
        var preview = message.GetByTestId("attachment-preview");
        await Expect(preview).ToBeVisibleAsync();
        await clientPage.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 8", await preview.ElementHandleAsync());
        await Expect(picker.Chips).ToHaveCountAsync(0);

        // The other participant (staff) downloads the CSV: the same bytes.
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        var staffPage = await staffContext.NewPageAsync();
        await staffPage.GotoAsync($"/staff/messages/{id}");
        var staffMessage = staffPage.GetByTestId("message").Filter(new() { HasText = text });
        var download = await staffPage.RunAndWaitForDownloadAsync(() => AttachmentPicker.LinksIn(staffMessage).Filter(new() { HasText = "shot-list.csv" }).ClickAsync());
        Assert.Equal("shot-list.csv", download.SuggestedFilename);
        Assert.Equal(Csv, await File.ReadAllBytesAsync((await download.PathAsync())!));

        var imageDownload = await staffPage.RunAndWaitForDownloadAsync(() => AttachmentPicker.LinksIn(staffMessage).Filter(new() { HasText = "swatch.png" }).ClickAsync());
        Assert.Equal(Png, await File.ReadAllBytesAsync((await imageDownload.PathAsync())!));
    }

    [Fact]
    public async Task AFileChosenWhenStartingAConversationIsPreviewedAndArrivesWithTheFirstMessage()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/portal/messages/new");
        var subject = $"Starting with a file {Guid.NewGuid():N}";
        await page.Locator("input[name=Subject]").FillAsync(subject);
        await page.Locator("textarea[name=Body]").FillAsync("The swatch for the first round");
        await page.GetByTestId("new-conversation-files").SetInputFilesAsync(new FilePayload { Name = "swatch.png", MimeType = "image/png", Buffer = Png });
        var form = page.GetByTestId("new-conversation-form");
        await Expect(form.GetByTestId("attach-chip")).ToHaveCountAsync(1);
        await Expect(form.GetByTestId("attach-thumbnail")).ToHaveCountAsync(1);
        await page.GetByTestId("start-conversation").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/portal/messages/\d+$"));
        var message = page.GetByTestId("message").Filter(new() { HasText = "The swatch for the first round" });
        await Expect(AttachmentPicker.LinksIn(message)).ToHaveCountAsync(1);
        await Expect(AttachmentPicker.LinksIn(message)).ToContainTextAsync("swatch.png");
    }

    [Fact]
    public async Task ATypeNotAllowedIsFlaggedBeforeSendingAndRemovable()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        var id = await ConversationIdAsync(page, "Invoice question");
        await new ThreadPage(page).OpenAsync("portal", id);
        var picker = new AttachmentPicker(page);

        await picker.AttachThroughTheChooserAsync(new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = "<svg/>"u8.ToArray() });

        await Expect(page.GetByTestId("attach-warning")).ToContainTextAsync("not allowed");
        await page.GetByTestId("reply-form").GetByTestId("attach-remove").ClickAsync();
        await Expect(picker.Chips).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("attach-warning")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheServerRefusalOfALyingFileIsShownAndTheTextAndFilesAreKept()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        var id = await ConversationIdAsync(page, "Invoice question");
        var thread = new ThreadPage(page);
        await thread.OpenAsync("portal", id);

        await new AttachmentPicker(page).AttachThroughTheChooserAsync(new FilePayload { Name = "invoice.pdf", MimeType = "application/pdf", Buffer = Png });
        await thread.SendAsync("Here is the invoice");

        await Expect(page.GetByTestId("reply-error")).ToContainTextAsync("is not really a PDF file");
        await Expect(thread.ReplyBody).ToHaveValueAsync("Here is the invoice");
        await Expect(new AttachmentPicker(page).Chips).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task FilesDroppedOnTheFormAreAttachedAndSent()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        var id = await ConversationIdAsync(page, "Invoice question");
        var thread = new ThreadPage(page);
        await thread.OpenAsync("portal", id);

        // What a browser does when files are dragged from the desktop: dragover, then drop with them in a DataTransfer.
        var transfer = await page.EvaluateHandleAsync("""
            () => { const t = new DataTransfer();
                    t.items.add(new File(['a,b\n1,2\n'], 'dropped.csv', { type: 'text/csv' }));
                    t.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'dropped.pdf', { type: 'application/pdf' }));
                    return t; }
            """);
        var form = page.GetByTestId("reply-form");
        await form.DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await form.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });

        await Expect(new AttachmentPicker(page).Chips).ToHaveCountAsync(2);
        var text = $"Dropped {Guid.NewGuid():N}";
        await thread.SendAsync(text);
        var links = page.GetByTestId("message").Filter(new() { HasText = text }).GetByTestId("attachment-link");
        await Expect(links).ToHaveCountAsync(2);
        await Expect(links.First).ToContainTextAsync("dropped.csv");
    }

    [Fact]
    public async Task ALargeFileShowsAnUploadProgressBar()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        var id = await ConversationIdAsync(page, "Invoice question");
        var thread = new ThreadPage(page);
        await thread.OpenAsync("portal", id);
        var big = new byte[6 * 1024 * 1024];
        System.Security.Cryptography.RandomNumberGenerator.Fill(big);
        "PK\u0003\u0004"u8.CopyTo(big);
        await new AttachmentPicker(page).AttachThroughTheChooserAsync(new FilePayload { Name = "footage.zip", MimeType = "application/zip", Buffer = big });

        // Record what the bar shows during the upload (attachments.js updates it on htmx:xhr:progress, before this listener runs).
        await page.EvaluateAsync("""
            () => { window.__progress = []; document.addEventListener('htmx:xhr:progress', () => {
                const box = document.querySelector('[data-testid=reply-form] [data-testid=upload-progress]');
                if (box && !box.hidden) window.__progress.push(box.querySelector('progress').value); }); }
            """);
        var text = $"Footage {Guid.NewGuid():N}";
        await thread.SendAsync(text);

        await Expect(page.GetByTestId("message").Filter(new() { HasText = text }).GetByTestId("attachment-link")).ToHaveCountAsync(1);
        var seen = await page.EvaluateAsync<int[]>("() => window.__progress");
        Assert.NotEmpty(seen);
        Assert.Equal(100, seen.Max());
        await Expect(page.GetByTestId("reply-form").GetByTestId("upload-progress")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task ThreadWithFilesTheFilesTabAndTheSettingsFitThisWidth(string label, int width, int height)
    {
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await using var context = await server.ContextForAsync("client@demo.local", width, height);
        var page = await context.NewPageAsync();
        var id = await ConversationIdAsync(page, "Moodboard feedback");
        var thread = new ThreadPage(page);
        await thread.OpenAsync("portal", id);
        await new AttachmentPicker(page).AttachThroughTheChooserAsync(
            new FilePayload { Name = "a-rather-long-file-name-for-the-phone-layout-check.png", MimeType = "image/png", Buffer = Png },
            new FilePayload { Name = "budget-2026-final-final.csv", MimeType = "text/csv", Buffer = Csv });
        var text = $"Layout check {label} {Guid.NewGuid():N}";
        await thread.SendAsync(text);
        await Expect(page.GetByTestId("message").Filter(new() { HasText = text }).GetByTestId("attachment-link")).ToHaveCountAsync(2);
        await Expect(thread.ReplyBody).ToHaveValueAsync("");
        await new AttachmentPicker(page).AttachThroughTheChooserAsync(new FilePayload { Name = "next.png", MimeType = "image/png", Buffer = Png });
        await page.GetByTestId("reply-form").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"portal-thread-files-{label}.png") });
        Assert.True(await FitsWidthAsync(page), $"the thread with files scrolls sideways at {width}px");

        await page.GetByTestId("tab-files").ClickAsync();
        await Expect(page.GetByTestId("file-row").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"portal-files-tab-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(page), $"the files tab scrolls sideways at {width}px");

        await using var adminContext = await server.ContextForAsync("admin@demo.local", width, height);
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/admin/settings");
        await Expect(admin.GetByTestId("file-settings")).ToBeVisibleAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(folder, $"admin-file-settings-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(admin), $"the settings scroll sideways at {width}px");
        await admin.GotoAsync("/staff/projects");
        await admin.GetByText("Spring Campaign").First.ClickAsync();
        await Expect(admin.GetByTestId("project-file-usage")).ToBeVisibleAsync();
        await admin.GetByTestId("project-files-link").ClickAsync();
        await Expect(admin.GetByTestId("file-row").First).ToBeVisibleAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(folder, $"staff-project-files-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(admin), $"the project files tab scrolls sideways at {width}px");
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
