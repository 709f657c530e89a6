using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Messaging.Tests.Export;

/// <summary>The portal with exports set up for tests: jobs polled every second into a folder of this class, a small verify limit.</summary>
public class ExportFactory : PortalFactory
{
    public string JobsRoot => Path.Combine(Path.GetTempPath(), "messaging-test-exports", Database.Name);

    protected virtual string ChromiumPath => "/usr/bin/chromium";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Export:JobsRoot", JobsRoot);
        builder.UseSetting("Messaging:Export:JobPollSeconds", "1");
        builder.UseSetting("Messaging:Export:MaxVerifyBytes", "1048576");
        builder.UseSetting("Messaging:Export:ChromiumPath", ChromiumPath);
    }
}

/// <summary>A server without Chromium: PDF export must say it is unavailable while CSV works.</summary>
public sealed class NoChromiumFactory : ExportFactory
{
    protected override string ChromiumPath => "/nonexistent/chromium";
}

/// <summary>Helpers the export tests share: messages with known text and times, CSV parsing, pdftotext, uploads to the verify page.</summary>
public static class ExportTestKit
{
    public static async Task<long> AddMessageAsync(this TestDatabase db, long conversation, string author, string body, DateTimeOffset at, string visibility = "Everyone")
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, kind, priority, created_at)
            SELECT c.workspace_id, c.id, m.id, '{body.Replace("'", "''", StringComparison.Ordinal)}', '{visibility}', 'Text', 'Normal', '{at.UtcDateTime:O}'::timestamptz
            FROM conversations c, members m WHERE c.id = {conversation} AND m.display_name = '{author}' RETURNING id
            """);
    }

    public static List<Dictionary<string, string>> ParseCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!, StringComparer.Ordinal));
        }

        return rows;
    }

    /// <summary>The PDF's text as poppler's pdftotext extracts it (layout kept, so header and footer lines stay whole).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftotext failed: " + await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task<HttpResponseMessage> VerifyAsync(this PortalClient client, byte[] file, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync("/exports/verify");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        return await client.Http.PostAsync("/exports/verify", form);
    }

    /// <summary>A form post with repeated names (several <c>ids</c>), with the antiforgery token of <paramref name="pageWithForm"/>.</summary>
    public static async Task<HttpResponseMessage> PostPairsAsync(this PortalClient client, string pageWithForm, string action, KeyValuePair<string, string>[] fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync(pageWithForm);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await client.Http.PostAsync(action, form);
    }

    public static async Task<string> VerifyOutcomeAsync(this PortalClient client, byte[] file, string name)
    {
        using var response = await client.VerifyAsync(file, name);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("[data-testid=verify-result]")?.GetAttribute("data-outcome") ?? $"none ({(int)response.StatusCode})";
    }

    /// <summary>Follows an export that became a background job to its file: waits until the job is done, then downloads.</summary>
    public static async Task<byte[]> DownloadJobAsync(this PortalClient client, HttpResponseMessage queued)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(queued);
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var job = queued.Headers.Location!.ToString();
        Assert.StartsWith("/exports/jobs/", job, StringComparison.Ordinal);
        for (var i = 0; i < 240; i++)
        {
            var fragment = PortalClient.Parse(await (await client.GetAsync($"{job}?handler=Progress", htmx: true)).Content.ReadAsStringAsync());
            var status = fragment.QuerySelector("[data-testid=export-job]")!.GetAttribute("data-status");
            if (status == "Done")
            {
                using var file = await client.Http.GetAsync($"{job}?handler=Download");
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                return await file.Content.ReadAsByteArrayAsync();
            }

            Assert.NotEqual("Failed", status);
            await Task.Delay(250);
        }

        throw new TimeoutException($"{job} did not finish");
    }
}
