using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Reliability;

/// <summary>
/// The inputs of issue 18 that used to answer 500: each now answers 4xx with the usual page or fragment, stores
/// nothing (rows counted before and after) and leaves no error in the log.
/// </summary>
public sealed class BadInputTests(LoggedPortalFactory factory) : IClassFixture<LoggedPortalFactory>
{
    private const string Nul = "\0";

    private static string Str(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rows a send, a schedule or a new conversation would add.</summary>
    private Task<long> RowsAsync() => factory.Database.ScalarAsync<long>(
        "SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM conversations) + (SELECT count(*) FROM scheduled_messages)"
        + " + (SELECT count(*) FROM live_events) + (SELECT count(*) FROM audit_entries WHERE action NOT LIKE 'auth.%')"
        + " + (SELECT count(*) FROM attachments)");

    private static async Task<string> TokenAsync(PortalClient client, string page)
    {
        var doc = await client.GetPageAsync(page);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("no token on " + page);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, bool withFile = false)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (withFile)
        {
            var file = new ByteArrayContent(TestFiles.Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "files", "pic.png");
        }

        return content;
    }

    private static async Task<HttpResponseMessage> SendAsync(PortalClient client, HttpMethod method, string url, HttpContent? content, string? headerToken = null, bool htmx = false)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (headerToken is not null)
        {
            request.Headers.Add("RequestVerificationToken", headerToken);
        }

        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        return await client.Http.SendAsync(request);
    }

    private static void Assert4xx(HttpResponseMessage response, string what) =>
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what}: {(int)response.StatusCode}");

    private static Dictionary<string, string> Reply(string body) => new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    [Fact]
    public async Task ANulInSearchAndItsFiltersAnswers400WithTheStatusPage()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var client = await factory.SignInAsync(Demo.Client);
        factory.Log.Clear();
        foreach (var q in new[] { "spring%00", "from:%00sam", "in:%00", "project:a%00", "file:%00.png", "%ED%A0%80", "%C3" })
        {
            var staffPage = await staff.Http.GetAsync($"/staff/messages/search?q={q}");
            var clientPage = await client.Http.GetAsync($"/portal/messages/search?q={q}");
            var fragment = await staff.GetAsync($"/staff/messages/search?q={q}", htmx: true);

            Assert.Equal(HttpStatusCode.BadRequest, staffPage.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, clientPage.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, fragment.StatusCode);
            Assert.Contains("could not be understood", await staffPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        factory.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task ANulInAReplyAnswers400AndStoresNothingHoweverItIsPosted()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var thread = $"/portal/messages/{Str(id)}";
        var before = await RowsAsync();
        factory.Log.Clear();

        var form = await client.PostFormAsync(thread, thread + "?handler=Reply", Reply("hello" + Nul));
        var formHtmx = await client.PostFormAsync(thread, thread + "?handler=Reply", Reply(Nul), htmx: true);
        var encodedSurrogate = await SendAsync(client, HttpMethod.Post, thread + "?handler=Reply",
            new StringContent("Input.Body=%ED%A0%80&__RequestVerificationToken=" + Uri.EscapeDataString(await TokenAsync(client, thread)), Encoding.ASCII, "application/x-www-form-urlencoded"));
        var token = await TokenAsync(client, thread);
        var streamed = await SendAsync(client, HttpMethod.Post, thread + "?handler=Reply", Multipart(Reply("a" + Nul + "b"), withFile: true), token, htmx: true);
        var multipartTokenInBody = await SendAsync(client, HttpMethod.Post, thread + "?handler=Reply",
            Multipart(new(Reply(Nul)) { ["__RequestVerificationToken"] = token }, withFile: true));

        foreach (var (what, response) in new[] { ("form", form), ("htmx form", formHtmx), ("encoded surrogate", encodedSurrogate), ("streamed", streamed), ("multipart", multipartTokenInBody) })
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await RowsAsync());

        // A part whose Content-Disposition cannot be parsed (a NUL in the file name) is skipped: the text is sent, no file.
        var nulFileName = new MultipartFormDataContent();
        foreach (var (k, v) in Reply("fine"))
        {
            nulFileName.Add(new StringContent(v), k);
        }

        var nulFile = new ByteArrayContent(TestFiles.Png);
        nulFile.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        Assert.True(nulFile.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"files\"; filename=\"a\0.png\""));
        nulFileName.Add(nulFile);
        var streamedFileName = await SendAsync(client, HttpMethod.Post, thread + "?handler=Reply", nulFileName, token, htmx: true);
        Assert.True((int)streamedFileName.StatusCode < 500, $"file name: {(int)streamedFileName.StatusCode}");
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM attachments WHERE file_name LIKE 'a%.png'"));
        Assert.Empty(Directory.Exists(factory.FilesRoot) ? Directory.GetFiles(factory.FilesRoot, "*", SearchOption.AllDirectories).Where(f => File.GetLastWriteTimeUtc(f) > DateTime.UtcNow.AddMinutes(-1) && !f.Contains("matrix", StringComparison.Ordinal)) : []);
        factory.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task ANulInANewConversationsSubjectOrBodyAnswers400AndStoresNothing()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);
        var project = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Spring Campaign'");
        var before = await RowsAsync();
        factory.Log.Clear();

        foreach (var (subject, body) in new[] { ("Sub" + Nul, "Body"), ("Subject", "Bo" + Nul + "dy"), (Nul, Nul) })
        {
            var response = await client.PostFormAsync("/portal/messages/new", "/portal/messages/new", new()
            {
                ["Recipient"] = $"{Str(project)}:{Str(staff)}",
                ["Subject"] = subject,
                ["Body"] = body,
                ["IdempotencyKey"] = Guid.NewGuid().ToString(),
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(text.Contains("Bad request", StringComparison.Ordinal), text);
        }

        Assert.Equal(before, await RowsAsync());
        factory.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task MalformedMultipartAnswers400AndStoresNothing()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var thread = $"/portal/messages/{Str(id)}";
        var token = await TokenAsync(client, thread);
        var before = await RowsAsync();
        factory.Log.Clear();

        static HttpContent Raw(string body, string contentType)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }

        var truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"Input.Body\"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG";
        var garbage = "this is not multipart at all \u0001\u0002\u0003";
        var cases = new (string What, Func<HttpContent> Content)[]
        {
            ("no boundary", () => Raw(truncated, "multipart/form-data")),
            ("empty boundary", () => Raw(truncated, "multipart/form-data; boundary=")),
            ("truncated", () => Raw(truncated, "multipart/form-data; boundary=XyZ")),
            ("garbage", () => Raw(garbage, "multipart/form-data; boundary=XyZ")),
            ("wrong boundary", () => Raw(truncated, "multipart/form-data; boundary=Other")),
        };
        foreach (var (what, content) in cases)
        {
            foreach (var url in new[] { thread + "?handler=Reply", thread + "?handler=Schedule", "/portal/messages/new", "/account/preferences" })
            {
                foreach (var header in new[] { true, false })
                {
                    var response = await SendAsync(client, HttpMethod.Post, url, content(), header ? token : null, htmx: header);
                    Assert4xx(response, $"{what} to {url} (token in header: {header})");
                }
            }
        }

        var typing = await SendAsync(client, HttpMethod.Post, $"/messages/typing/{Str(id)}", Raw(truncated, "multipart/form-data"), token);
        Assert.Equal(HttpStatusCode.BadRequest, typing.StatusCode);
        Assert.Equal("application/problem+json", typing.Content.Headers.ContentType?.MediaType);

        Assert.Equal(before, await RowsAsync());
        factory.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task ScheduleWithTheTokenInAHeaderWorksAndANulInAFieldAnswers400()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var thread = $"/portal/messages/{Str(id)}";
        var token = await TokenAsync(client, thread);
        var at = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var before = await RowsAsync();
        factory.Log.Clear();

        var nulBody = await SendAsync(client, HttpMethod.Post, thread + "?handler=Schedule",
            Multipart(new(Reply("later" + Nul)) { ["scheduleAt"] = at, ["timeZoneOffset"] = "0" }), token, htmx: true);
        var nulTime = await SendAsync(client, HttpMethod.Post, thread + "?handler=Schedule",
            Multipart(new(Reply("later")) { ["scheduleAt"] = at + Nul, ["timeZoneOffset"] = "0" }), token, htmx: true);
        var nulUrlEncoded = await SendAsync(client, HttpMethod.Post, thread + "?handler=Schedule",
            new FormUrlEncodedContent(new Dictionary<string, string>(Reply("later")) { ["scheduleAt"] = Nul, ["timeZoneOffset"] = "0" }), token, htmx: true);

        Assert.Equal(HttpStatusCode.BadRequest, nulBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nulTime.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nulUrlEncoded.StatusCode);
        Assert.Equal(before, await RowsAsync());

        // What the browser sends (the compose form is multipart, htmx puts the token in a header): scheduled.
        var fine = await SendAsync(client, HttpMethod.Post, thread + "?handler=Schedule",
            Multipart(new(Reply("Scheduled through the header")) { ["scheduleAt"] = at, ["timeZoneOffset"] = "0" }), token, htmx: true);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(1, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM scheduled_messages WHERE body = 'Scheduled through the header'"));
        factory.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task ExportsWithBackwardsOrExtremeDatesAnswer4xx()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var own = await factory.Database.ConversationIdAsync("Invoice question");
        var foreign = await factory.Database.ScalarAsync<long>("SELECT max(id) FROM conversations");
        factory.Log.Clear();

        foreach (var url in new[]
        {
            $"/exports/conversation/{Str(foreign)}?from=2025-03-31&to=2025-03-01",
            $"/exports/conversation/{Str(own)}?format=csv&to=9999-12-31",
            $"/exports/conversation/{Str(own)}?format=csv&from=0001-01-01&to=9999-12-31",
            $"/exports/conversation/{Str(own)}?format=csv&from=%00",
            $"/exports/conversation/{Str(long.MaxValue)}?format=csv",
            $"/exports/conversation/-1?format=csv",
        })
        {
            var response = await client.Http.GetAsync(url);
            Assert.True((int)response.StatusCode is >= 400 and < 500 or 200, $"{url}: {(int)response.StatusCode}");
        }

        factory.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task ANulInTheEventStreamsQueryOrAnEndpointAnswers400ProblemDetails()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        factory.Log.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events?lastEventId=1%00");
        request.Headers.Add("Accept", "text/event-stream");
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("traceId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        factory.AssertNoErrorsLogged();
    }
}
