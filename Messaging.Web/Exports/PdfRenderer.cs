using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Messaging.Web.Exports;

/// <summary>Chromium is not installed (or would not start): PDF export is unavailable, CSV still works.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints HTML to PDF in headless Chromium through Playwright. One browser is started on first use and kept
/// warm for every later export (relaunched if it dies); each PDF gets its own short-lived context with
/// JavaScript off and every network request refused. At most <see cref="ExportOptions.MaxConcurrentPdfs"/>
/// render at once; the rest wait on a semaphore, so ten exports at once never start ten browsers.
/// </summary>
public sealed class PdfRenderer(IOptions<ExportOptions> options, ILogger<PdfRenderer> log) : IAsyncDisposable
{
    private readonly ExportOptions settings = options.Value;
    private readonly SemaphoreSlim launch = new(1, 1);
    private readonly SemaphoreSlim renders = new(Math.Max(1, options.Value.MaxConcurrentPdfs));
    private IPlaywright? playwright;
    private IBrowser? browser;

    public const string UnavailableMessage = "PDF export is unavailable on this server right now. CSV export still works.";

    public bool IsAvailable => File.Exists(settings.ChromiumPath);

    /// <summary>How many browsers this renderer has started (1 unless one crashed): for tests of the warm browser.</summary>
    public int Launches { get; private set; }

    public async Task<byte[]> RenderAsync(string html, string headerText, string footerText, CancellationToken ct)
    {
        if (!IsAvailable)
        {
            throw new PdfUnavailableException(UnavailableMessage);
        }

        await renders.WaitAsync(ct);
        try
        {
            var chromium = await BrowserAsync(ct);
            await using var context = await chromium.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
            await context.RouteAsync("**/*", route => route.AbortAsync());
            var page = await context.NewPageAsync();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = Template(WebUtility.HtmlEncode(headerText), ""),
                FooterTemplate = Template(WebUtility.HtmlEncode(footerText), "Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span>"),
                Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "14mm", Right = "14mm" },
            });
        }
        finally
        {
            renders.Release();
        }
    }

    private static string Template(string left, string right) =>
        "<div style=\"font-family:'Noto Sans',sans-serif;font-size:7.5px;color:#555;width:100%;padding:0 14mm;display:flex;justify-content:space-between;gap:8px\">"
        + $"<span>{left}</span><span style=\"white-space:nowrap\">{right}</span></div>";

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (browser is { IsConnected: true } warm)
        {
            return warm;
        }

        await launch.WaitAsync(ct);
        try
        {
            if (browser is { IsConnected: true } started)
            {
                return started;
            }

            try
            {
                playwright ??= await Playwright.CreateAsync();
                browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = settings.ChromiumPath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                });
                Launches++;
                log.LogInformation("Started Chromium for PDF exports ({Path})", settings.ChromiumPath);
                return browser;
            }
            catch (PlaywrightException e)
            {
                log.LogError(e, "Could not start Chromium at {Path}", settings.ChromiumPath);
                throw new PdfUnavailableException(UnavailableMessage, e);
            }
        }
        finally
        {
            launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        launch.Dispose();
        renders.Dispose();
    }
}
