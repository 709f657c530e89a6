using System.Globalization;
using System.Text;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>Exporting as people do it in the browser: from a thread, from the list, and checking a file on the verify page.</summary>
[Collection(PortalGroup.Name)]
public sealed class ExportTests(PortalServer server)
{
    private static string Shot(string name)
    {
        var folder = Path.Combine(PortalServer.OutputDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");

    private static async Task OpenThreadAsync(IPage page, string area, string subject)
    {
        await new ConversationListPage(page).OpenAsync(area);
        await page.GetByTestId("conversation-row").Filter(new() { HasText = subject }).ClickAsync();
        await page.GetByTestId("message-list").WaitForAsync();
    }

    [Fact]
    public async Task AClientDownloadsBothFormatsFromAThreadAndTheVerifyPageConfirmsTheStamp()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        await OpenThreadAsync(page, "portal", "Spring campaign kickoff");
        var menu = new ExportMenu(page);
        await menu.OpenAsync();
        await Expect(page.GetByTestId("export-notes")).ToHaveCountAsync(0);

        var (pdfName, pdf) = await menu.DownloadAsync(menu.Pdf);
        var (csvName, csv) = await menu.DownloadAsync(menu.Csv);

        Assert.EndsWith(".pdf", pdfName, StringComparison.Ordinal);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.EndsWith(".csv", csvName, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(csv);
        Assert.StartsWith("\uFEFFconversation_id,subject,message_id,sent_at_utc", text, StringComparison.Ordinal);
        Assert.Contains("Spring campaign kickoff", text, StringComparison.Ordinal);
        Assert.DoesNotContain("budget is tight", text, StringComparison.Ordinal);

        var verify = new VerifyPage(page);
        await verify.VerifyAsync(pdfName, "application/pdf", pdf);
        await Expect(verify.Result).ToHaveAttributeAsync("data-outcome", "Matches");
        await page.ScreenshotAsync(new() { Path = Shot("export-verify-match-desktop.png"), FullPage = true });
        pdf[pdf.Length / 2] ^= 1;
        await verify.VerifyAsync(pdfName, "application/pdf", pdf);
        await Expect(verify.Result).ToHaveAttributeAsync("data-outcome", "DoesNotMatch");
    }

    [Fact]
    public async Task StaffExportTheSelectedConversationsFromTheListAndDownloadTheFileWhenTheJobIsReady()
    {
        await using var context = await server.ContextForAsync("staff@demo.local");
        var page = await context.NewPageAsync();
        await new ConversationListPage(page).OpenAsync("staff");
        await page.GetByTestId("conversation-select").Nth(0).CheckAsync();
        await page.GetByTestId("conversation-select").Nth(1).CheckAsync();
        var menu = new ExportMenu(page, bulk: true);
        await menu.OpenAsync();
        await menu.Csv.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/exports/jobs/[0-9]+$"));
        var download = page.GetByTestId("export-download");
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Shot("export-job-ready-desktop.png"), FullPage = true });
        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.EndsWith(".csv", file.SuggestedFilename, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(page.GetByTestId("export-download")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("desktop", 1280, 800)]
    [InlineData("phone", 390, 844)]
    public async Task TheExportMenusAndPagesFitThisWidth(string label, int width, int height)
    {
        await using var staffContext = await server.ContextForAsync("staff@demo.local", width, height);
        var staff = await staffContext.NewPageAsync();
        await OpenThreadAsync(staff, "staff", "Spring campaign kickoff");
        await new ExportMenu(staff).OpenAsync();
        await Expect(staff.GetByTestId("export-notes")).ToBeVisibleAsync();
        await staff.GetByTestId("export-toggle").ScrollIntoViewIfNeededAsync();
        await staff.ScreenshotAsync(new() { Path = Shot($"export-thread-menu-{label}.png") });
        Assert.True(await FitsWidthAsync(staff), $"the thread with the export menu scrolls sideways at {width}px");

        await new ConversationListPage(staff).OpenAsync("staff");
        await new ExportMenu(staff, bulk: true).OpenAsync();
        await staff.ScreenshotAsync(new() { Path = Shot($"export-bulk-menu-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(staff), $"the list with the export menu scrolls sideways at {width}px");

        await using var clientContext = await server.ContextForAsync("client@demo.local", width, height);
        var client = await clientContext.NewPageAsync();
        await OpenThreadAsync(client, "portal", "Moodboard feedback");
        var id = long.Parse((await client.Locator("section.thread").GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
        var menu = new ExportMenu(client);
        await menu.OpenAsync();
        await menu.RangeAsync("2025-03-31", "2025-03-01");
        await menu.Csv.ClickAsync();
        await Expect(menu.Error).ToContainTextAsync("is before the start date");
        Assert.EndsWith($"/exports/conversation/{id}?from=2025-03-31&to=2025-03-01&format=csv", client.Url, StringComparison.Ordinal);
        await client.ScreenshotAsync(new() { Path = Shot($"export-range-error-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(client), $"the export page scrolls sideways at {width}px");

        await new VerifyPage(client).VerifyAsync("notes.txt", "text/plain", "hello"u8.ToArray());
        await Expect(client.GetByTestId("verify-result")).ToContainTextAsync("This is not an export");
        await client.ScreenshotAsync(new() { Path = Shot($"export-verify-{label}.png"), FullPage = true });
        Assert.True(await FitsWidthAsync(client), $"the verify page scrolls sideways at {width}px");
    }
}
