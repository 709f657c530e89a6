using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Messaging.Core.Notifications;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Notifications;

/// <summary>The inbound-mail webhook (<c>Messaging:Notifications:Inbound</c>).</summary>
public sealed class InboundEmailOptions
{
    public const string Section = "Messaging:Notifications:Inbound";

    /// <summary>HMAC-SHA256 key the mail provider signs each post with. Empty: the endpoint answers 404.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Largest accepted post (attachments included); larger answers 413.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// <c>POST /inbound/email</c>: the usual inbound-mail webhook shape as JSON - <c>from</c>, <c>to</c>
/// (a string or a list), <c>subject</c>, <c>text</c>, <c>html</c>, <c>attachments</c>, <c>headers</c>
/// (name to value) and <c>messageId</c> - or the raw mail as <c>Content-Type: message/rfc822</c> (parsed by
/// MimeKit), signed with <c>X-Signature: sha256=HEX</c>, the HMAC-SHA256 of
/// the raw body with the configured secret. 401 for a bad signature, 400 for a body that is not such a
/// mail, 413 when too large; otherwise 200 with what was done (a provider retries anything else, and a
/// retry of the same mail posts once).
/// </summary>
public static class InboundEmailEndpoint
{
    public const string SignatureHeader = "X-Signature";

    public static IEndpointRouteBuilder MapInboundEmail(this IEndpointRouteBuilder app)
    {
        app.MapPost("/inbound/email", HandleAsync).DisableAntiforgery().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IOptions<InboundEmailOptions> options, ReceiveEmailReply receive, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.Secret))
        {
            return Results.NotFound();
        }

        if (http.Request.ContentLength > o.MaxBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = o.MaxBytes;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!SignatureMatches(o.Secret, body, http.Request.Headers[SignatureHeader].ToString()))
        {
            return Results.Unauthorized();
        }

        var raw = IsRawMime(http.Request.ContentType);
        if ((raw ? ParseMime(body) : Parse(body)) is not { } email)
        {
            return Results.BadRequest(new { error = raw ? "Expected a MIME message with a From address." : "Expected a JSON object with from, to and text or html." });
        }

        var outcome = await receive.HandleAsync(email, ct);
        return Results.Ok(new { outcome = outcome.ToString() });
    }

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool SignatureMatches(string secret, byte[] body, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(given.Trim().ToLowerInvariant()));

    /// <summary><c>message/rfc822</c>: the raw mail as the provider received it, parsed by MimeKit.</summary>
    private static bool IsRawMime(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("message/rfc822", StringComparison.OrdinalIgnoreCase);

    private static InboundEmail? ParseMime(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        return MimeInbound.Parse(stream) is { } message ? MimeInbound.Read(message) : null;
    }

    private static InboundEmail? Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "from") is not { } from)
            {
                return null;
            }

            var to = root.TryGetProperty("to", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : (Text(root, "to") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in h.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    headers[p.Name] = p.Value.GetString()!;
                }
            }

            var attachments = root.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array ? a.GetArrayLength() : 0;
            return new InboundEmail(from, to.Select(Angle).ToList(), Text(root, "subject"), Text(root, "text"), Text(root, "html"))
            {
                Headers = headers,
                MessageId = Text(root, "messageId") ?? headers.GetValueOrDefault("Message-ID"),
                AttachmentCount = attachments,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary><c>Name &lt;address&gt;</c> to the address.</summary>
    private static string Angle(string value)
    {
        var open = value.LastIndexOf('<');
        var close = value.LastIndexOf('>');
        return open >= 0 && close > open ? value[(open + 1)..close].Trim() : value.Trim();
    }
}
