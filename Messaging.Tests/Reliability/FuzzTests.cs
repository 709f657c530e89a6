using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Reliability;

/// <summary>
/// Fuzzed requests over every endpoint the application maps (pages, their named handlers, minimal endpoints, read from
/// <see cref="EndpointDataSource"/> as the permission matrix does), as several kinds of member: NUL, lone surrogates and
/// invalid UTF-8, 1 MB values, huge and negative ids, extreme dates, lying content types, malformed multipart, missing and
/// forged antiforgery tokens. Not one answer may be a 5xx, and the log may hold no error. A few hundred requests here
/// (<c>MESSAGING_FUZZ_REQUESTS</c> sets the number: <c>./bench.sh faults</c> runs 10,000).
/// </summary>
public sealed class FuzzTests(LoggedPortalFactory factory) : IClassFixture<LoggedPortalFactory>
{
    private static readonly string Mega = new('x', 1024 * 1024);

    /// <summary>Values, already encoded for a query string or an urlencoded body (so invalid UTF-8 can be sent as such).</summary>
    private static readonly string[] EncodedValues =
    [
        "%00", "a%00b", "%ED%A0%80", "%ED%B0%80x", "%FF%FE", "%C3", "%C0%80", "9223372036854775808", "-1", "-9223372036854775808", "0",
        "99999999999999999999", "9999-12-31", "0001-01-01", "2025-13-45", "9999-12-31T23%3A59", "-0001-01-01", "NaN", "1e400",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1%20--", "from%3A%00", "in%3A", "project%3A%22", "file%3A*", "", "%20",
        "%F0%9F%98%80", "true", "Everyone", "Open", "Coordinator", "viewing", "UTC", Guid.Empty.ToString(), "{conversation}", "{id}",
        "%0D%0ASet-Cookie%3A%20x%3D1", "..%2F..%2Fetc%2Fpasswd", "*", "(", "\"", "AND OR NOT", "a~", "\\",
    ];

    private static readonly string[] QueryNames =
    [
        "q", "p", "before", "after", "from", "to", "format", "notes", "conversationId", "lastEventId", "messageId", "status", "tag",
        "sort", "view", "filter", "code", "returnUrl", "note", "project", "assignee", "action", "member", "id", "handler",
    ];

    private static readonly string[] FieldNames =
    [
        "Input.Body", "Input.IdempotencyKey", "Input.ReplyToId", "Input.Urgent", "Subject", "Body", "Recipient", "IdempotencyKey", "body",
        "scheduleAt", "timeZoneOffset", "scheduledId", "memberId", "conversationId", "status", "tagId", "add", "name", "Name", "reason",
        "details", "role", "permission", "stage", "on", "state", "Input.Email", "Input.Password", "WhoMayStart", "EditWindowMinutes",
        "timeZone", "reportId", "mailId", "clientId", "Input.Port", "Input.Host", "ids", "conversationIds", "text", "replyId", "absenceId",
        "startsOn", "endsOn", "message", "readReceipts", "MessagesEnabled", "outOfOfficeEnabled", "Email", "DisplayName", "Kind",
    ];

    private static readonly long[] Ids = [0, -1, long.MaxValue, long.MinValue, 999_999_999];

    private enum Body
    {
        UrlEncodedTokenInBody,
        UrlEncodedNoToken,
        UrlEncodedForgedToken,
        MultipartTokenInHeader,
        MultipartTokenInBody,
        MultipartNoBoundary,
        MultipartTruncated,
        JsonLie,
        TextPlainLie,
        RawInvalidUtf8,
        None,
    }

    private sealed record Session(string Name, PortalClient Client, string? Token);

    public static int RequestCount =>
        int.TryParse(Environment.GetEnvironmentVariable("MESSAGING_FUZZ_REQUESTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 400;

    [Fact]
    public async Task FuzzedRequestsToEveryEndpointNeverAnswer5xxAndLogNoError()
    {
        var endpoints = (await MappedEndpointsAsync()).Where(e => e != "POST /account/logout").Order(StringComparer.Ordinal).ToList();
        Assert.True(endpoints.Count > 100, $"only {endpoints.Count} endpoints found");
        var conversation = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var sessions = new List<Session> { new("anonymous", factory.NewClient(), null) };
        foreach (var (name, email, page) in new[] { ("admin", Demo.Admin, "/staff/messages"), ("client", Demo.Client, "/portal/messages"), ("staff", Demo.Staff, "/staff/messages") })
        {
            var client = await factory.SignInAsync(email);
            var doc = await client.GetPageAsync(page);
            sessions.Add(new(name, client, doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")));
        }

        factory.Log.Clear();
        var random = new Random(18);
        var plans = Enumerable.Range(0, RequestCount).Select(i => (Endpoint: endpoints[i % endpoints.Count], Seed: random.Next())).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (plan, ct) =>
        {
            var rng = new Random(plan.Seed);
            var session = sessions[rng.Next(sessions.Count)];
            var (method, url, body) = Build(plan.Endpoint, rng, conversation);
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST")
                {
                    request.Content = Content(body, rng, session, request);
                }

                if (rng.Next(3) == 0)
                {
                    request.Headers.Add("HX-Request", "true");
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(60));
                using var response = await session.Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status >= 500)
                {
                    failures.Add($"{status} {method} {Shorten(url)} as {session.Name} ({body})");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures.Add($"{ex.GetType().Name} {method} {Shorten(url)} as {session.Name} ({body}): {ex.Message}");
            }
        });

        foreach (var session in sessions)
        {
            session.Client.Dispose();
        }

        Assert.True(failures.IsEmpty, $"{failures.Count} of {plans.Count} fuzzed requests failed:\n" + string.Join("\n", failures.Take(40)) + "\nLogged:\n" + string.Join("\n", factory.Log.Errors.Take(5)));
        Assert.True(statuses.Keys.Any(s => s is >= 400 and < 500), "no request was refused: the fuzzing did not fuzz");
        factory.AssertNoErrorsLogged();
    }

    private static string Shorten(string url) => url.Length <= 200 ? url : url[..200] + "…";

    private static string Pick(Random rng) => EncodedValues[rng.Next(EncodedValues.Length)];

    private static (string Method, string Url, Body Body) Build(string endpoint, Random rng, long conversation)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var method = endpoint[..space];
        var route = endpoint[(space + 1)..];
        var query = new List<string>();
        var handlerAt = route.IndexOf("?handler=", StringComparison.Ordinal);
        if (handlerAt >= 0)
        {
            query.Add(route[(handlerAt + 1)..]);
            route = route[..handlerAt];
        }

        // Conversation routes get a real conversation half the time; other ids (members, files, jobs...) only fuzzed ones.
        var isConversation = route.Contains("/messages/{id", StringComparison.Ordinal) || route.Contains("/inbox/{id", StringComparison.Ordinal)
            || route.Contains("/exports/conversation/", StringComparison.Ordinal) || route.Contains("/typing/", StringComparison.Ordinal);
        var id = isConversation && rng.Next(2) == 0 ? conversation : Ids[rng.Next(Ids.Length)];
        var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):(long|int)\}", m =>
            m.Groups[1].Value == "code" ? (rng.Next(2) == 0 ? "400" : "2147483647") : id.ToString(CultureInfo.InvariantCulture));
        for (var i = rng.Next(4); i > 0; i--)
        {
            var value = rng.Next(40) == 0 ? Mega : Pick(rng);
            query.Add(QueryNames[rng.Next(QueryNames.Length)] + "=" + value.Replace("{conversation}", conversation.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var url = path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        var body = method == "POST" ? (Body)rng.Next(Enum.GetValues<Body>().Length) : Body.None;
        return (method, url, body);
    }

    /// <summary>Fields (encoded), a few chosen at random, with fuzzed values; some 1 MB long.</summary>
    private static List<(string Name, string Encoded)> Fields(Random rng)
    {
        var fields = new List<(string, string)>();
        for (var i = rng.Next(1, 6); i > 0; i--)
        {
            fields.Add((FieldNames[rng.Next(FieldNames.Length)], rng.Next(25) == 0 ? Mega : Pick(rng)));
        }

        return fields;
    }

    private static byte[] PercentDecode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(encoded[i].ToString()));
            }
        }

        return [.. bytes];
    }

    private static string UrlEncoded(List<(string Name, string Encoded)> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + f.Encoded));

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static HttpContent Content(Body body, Random rng, Session session, HttpRequestMessage request)
    {
        var fields = Fields(rng);
        var token = session.Token ?? "";
        switch (body)
        {
            case Body.UrlEncodedTokenInBody:
                fields.Add(("__RequestVerificationToken", Uri.EscapeDataString(token)));
                break;
            case Body.UrlEncodedForgedToken:
                fields.Add(("__RequestVerificationToken", "CfDJ8forged" + rng.Next()));
                break;
            case Body.MultipartTokenInHeader:
                request.Headers.Add("RequestVerificationToken", token);
                break;
        }

        switch (body)
        {
            case Body.MultipartTokenInHeader or Body.MultipartTokenInBody:
                var multipart = new MultipartFormDataContent();
                foreach (var (name, encoded) in fields)
                {
                    // Percent-decoded to bytes as they are, so invalid UTF-8 and NUL reach the server raw.
                    multipart.Add(new ByteArrayContent(PercentDecode(encoded)), name);
                }

                if (body == Body.MultipartTokenInBody)
                {
                    multipart.Add(new StringContent(token), "__RequestVerificationToken");
                }

                if (rng.Next(2) == 0)
                {
                    var file = new ByteArrayContent(rng.Next(2) == 0 ? TestFiles.Png : Encoding.UTF8.GetBytes("MZ not really an image"));
                    file.Headers.ContentType = new MediaTypeHeaderValue(rng.Next(2) == 0 ? "image/png" : "application/x-msdownload");
                    multipart.Add(file, "files", rng.Next(2) == 0 ? "pic.png" : "evil.exe");
                }

                return multipart;
            case Body.MultipartNoBoundary:
                return Raw(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"Input.Body\"\r\n\r\nx\r\n--b--"), "multipart/form-data");
            case Body.MultipartTruncated:
                request.Headers.Add("RequestVerificationToken", token);
                return Raw(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"Input.Body\"\r\n\r\nhello\r\n--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\n\u0089PN"), "multipart/form-data; boundary=b");
            case Body.JsonLie:
                return Raw(Encoding.UTF8.GetBytes(UrlEncoded(fields)), "application/json");
            case Body.TextPlainLie:
                return Raw(Encoding.UTF8.GetBytes("{\"Input.Body\":\"\\u0000\\ud800\"}"), rng.Next(2) == 0 ? "text/plain" : "application/x-www-form-urlencoded; charset=utf-7");
            case Body.RawInvalidUtf8:
                var bytes = new byte[rng.Next(1, 2048)];
                rng.NextBytes(bytes);
                return Raw(bytes, rng.Next(2) == 0 ? "application/x-www-form-urlencoded" : "multipart/form-data; boundary=" + rng.Next());
            default:
                return Raw(Encoding.ASCII.GetBytes(UrlEncoded(fields)), "application/x-www-form-urlencoded");
        }
    }

    /// <summary>"METHOD /route[?handler=Name]" for every endpoint the app maps, with page handlers read from the compiled pages.</summary>
    private async Task<IReadOnlyCollection<string>> MappedEndpointsAsync()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var loader = factory.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                keys.Add($"GET {route}");
                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? "" : $"?handler={handler.Name}")}");
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                keys.Add($"{method} {route}");
            }
        }

        return keys;
    }
}
