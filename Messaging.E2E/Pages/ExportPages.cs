using Microsoft.Playwright;

namespace Messaging.E2E;

/// <summary>The export menu of a thread (or of the list's bulk bar) and the verify page.</summary>
public sealed class ExportMenu(IPage page, bool bulk = false)
{
    private string Prefix => bulk ? "bulk-" : "";

    public ILocator Toggle => page.GetByTestId(bulk ? "bulk-export-toggle" : "export-toggle");

    public ILocator Pdf => page.GetByTestId($"{Prefix}export-pdf");

    public ILocator Csv => page.GetByTestId($"{Prefix}export-csv");

    public ILocator Error => page.GetByTestId("export-error");

    public async Task OpenAsync()
    {
        await Toggle.ClickAsync();
        await Csv.WaitForAsync();
    }

    public async Task RangeAsync(string from, string to)
    {
        await page.GetByTestId("export-from").FillAsync(from);
        await page.GetByTestId("export-to").FillAsync(to);
    }

    /// <summary>Clicks a format button and returns the downloaded file's name and bytes.</summary>
    public async Task<(string Name, byte[] Bytes)> DownloadAsync(ILocator button)
    {
        ArgumentNullException.ThrowIfNull(button);
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"e2e-export-{Guid.NewGuid():N}");
        await download.SaveAsAsync(path);
        try
        {
            return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class VerifyPage(IPage page)
{
    public ILocator Result => page.GetByTestId("verify-result");

    public async Task VerifyAsync(string name, string mimeType, byte[] bytes)
    {
        await page.GotoAsync("/exports/verify");
        await page.GetByTestId("verify-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = bytes });
        await page.GetByTestId("verify-submit").ClickAsync();
        await Result.WaitForAsync();
    }
}
