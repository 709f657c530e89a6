using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Messaging.E2E.Infrastructure;
using Xunit.Abstractions;

namespace Messaging.E2E;

/// <summary>
/// The issue's measurement: uploading a 50 MB file must not grow the portal process's memory by more than
/// 20 MB (the bytes are streamed to storage, never held whole). Reads the running process's working set
/// every 10 ms during the upload; the figure goes to the test output and to test-output/upload-memory.txt.
/// </summary>
[Collection(PortalGroup.Name)]
public sealed partial class UploadMemoryTests(PortalServer server, ITestOutputHelper output)
{
    private const int FileBytes = 50 * 1024 * 1024;
    private const long AllowedGrowth = 20L * 1024 * 1024;

    [Fact]
    public async Task UploadingA50MegabyteFileGrowsTheServersWorkingSetByLessThan20Megabytes()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        await SignInAsync(http, "client@demo.local");
        var threadUrl = await ThreadUrlAsync(http, "Invoice question");
        var file = new byte[FileBytes];
        RandomNumberGenerator.Fill(file);
        "PK\u0003\u0004"u8.CopyTo(file);

        // Warm up: the first upload JITs the path and fills the pools; then let the process settle.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(http, threadUrl, "warm-up.zip", file.AsMemory(0, 2 * 1024 * 1024).ToArray())).StatusCode);
        await Task.Delay(1500);

        using var process = Process.GetProcessById(server.ProcessId);
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10);
            }
        });
        var watch = Stopwatch.StartNew();
        var response = await UploadAsync(http, threadUrl, "fifty.zip", file);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        process.Refresh();
        var after = process.WorkingSet64;

        var growth = peak - baseline;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"Uploading a {FileBytes / 1024 / 1024} MB file took {watch.Elapsed.TotalSeconds:0.0} s; server working set: baseline {baseline / 1048576.0:0.0} MB, peak {peak / 1048576.0:0.0} MB (+{growth / 1048576.0:0.0} MB), after {after / 1048576.0:0.0} MB.");
        output.WriteLine(report);
        Directory.CreateDirectory(PortalServer.OutputDirectory);
        await File.WriteAllTextAsync(Path.Combine(PortalServer.OutputDirectory, "upload-memory.txt"), report + Environment.NewLine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(growth < AllowedGrowth, report);

        // And it arrived whole: the download has the same SHA-256.
        var page = await http.GetStringAsync(threadUrl);
        var link = LinkFor().Matches(page).Select(m => m.Groups["id"].Value).Last();
        using var download = await http.GetAsync($"/files/{link}", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await download.Content.ReadAsStreamAsync();
        Assert.Equal(Convert.ToHexString(SHA256.HashData(file)), Convert.ToHexString(await SHA256.HashDataAsync(stream)));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string threadUrl, string name, byte[] bytes)
    {
        var token = await TokenAsync(http, threadUrl);
        using var content = new MultipartFormDataContent
        {
            { new StringContent($"memory check {name}"), "Input.Body" },
            { new StringContent(Guid.NewGuid().ToString()), "Input.IdempotencyKey" },
            { new ByteArrayContent(bytes), "files", name },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{threadUrl}?handler=Reply") { Content = content };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", token);
        return await http.SendAsync(request);
    }

    private static async Task SignInAsync(HttpClient http, string email)
    {
        var token = await TokenAsync(http, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = LoginPage.Password,
            ["__RequestVerificationToken"] = token,
        });
        var response = await http.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<string> ThreadUrlAsync(HttpClient http, string subject)
    {
        var list = await http.GetStringAsync("/portal/messages");
        var match = Regex.Match(list, $"data-conversation-id=\"(?<id>\\d+)\"[^>]*>\\s*<span class=\"conv-main\">\\s*<span class=\"conv-subject\">{Regex.Escape(subject)}<");
        Assert.True(match.Success, $"no conversation {subject}");
        return $"/portal/messages/{match.Groups["id"].Value}";
    }

    private static async Task<string> TokenAsync(HttpClient http, string url) =>
        TokenPattern().Match(await http.GetStringAsync(url)) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["token"].Value) : throw new InvalidOperationException($"no antiforgery token on {url}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("href=\"/files/(?<id>\\d+)\"")]
    private static partial Regex LinkFor();
}
