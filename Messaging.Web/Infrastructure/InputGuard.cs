using System.Diagnostics;
using System.Text;
using System.Text.Unicode;
using Messaging.Web.Attachments;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Messaging.Web.Infrastructure;

/// <summary>
/// The edge guard (issue 18): the one place where input PostgreSQL (or .NET's strict UTF-8 encoder in Npgsql) would
/// refuse is refused before any page, handler or endpoint sees it. A request answers 400, nothing read or stored, when
/// <list type="bullet">
/// <item>its query string is longer than <see cref="MaxQueryLength"/>, or its decoded bytes are not valid UTF-8 or hold a NUL;</item>
/// <item>a route value holds a NUL or a lone surrogate;</item>
/// <item>it says multipart without a boundary; its form (urlencoded or multipart) cannot be parsed (truncated, garbage); a
/// form key or value holds a NUL or a lone surrogate; an urlencoded body's decoded bytes are not valid UTF-8.</item>
/// </list>
/// Pages (and htmx) get the usual status page or fragment ("Bad request"); endpoints get a 400 ProblemDetails with the trace id.
/// A multipart post to a page that streams its uploads (<see cref="AcceptsUploadsAttribute"/>) is not buffered here:
/// its fields are checked as the upload reader reads them (<see cref="RequireStorable"/>), and a body that turns out to
/// be malformed there also answers 400 from here. Endpoints that read their own raw body (antiforgery disabled: the
/// inbound-mail webhook) keep it; their query and route values are still checked.
/// </summary>
public sealed class InputGuardMiddleware(RequestDelegate next, ILogger<InputGuardMiddleware> logger)
{
    /// <summary>As Kestrel's request line limit (8 KB): no page takes more, and a test server would pass any length.</summary>
    public const int MaxQueryLength = 8 * 1024;

    /// <summary>An urlencoded body larger than this is refused (413): forms are text, files come as multipart.</summary>
    public const int MaxUrlEncodedBytes = 8 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, IOptions<AntiforgeryOptions> antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The status or error page re-executed for a request already answered here (or failed): its input is the
            // original's, which an endpoint reading its own body (the webhook) never had checked. Those pages bind no
            // input, so they get none (a form in, say, UTF-7 would otherwise throw while binding).
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            await next(context);
            return;
        }

        var refusal = CheckQuery(context.Request) ?? CheckRouteValues(context.Request);
        var streamsUploads = false;
        if (refusal is null && context.Request.ContentType is not null)
        {
            (refusal, streamsUploads) = await CheckBodyAsync(context, antiforgery.Value.HeaderName);
        }

        if (refusal is not null)
        {
            await RefuseAsync(context, refusal.Value.Status, refusal.Value.Reason);
            return;
        }

        if (!streamsUploads)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsMalformedBody(ex) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "malformed multipart body: " + ex.Message);
        }
    }

    /// <summary>A field value as a streaming reader read it, or <see cref="UnstorableInputException"/> (answered 400 by the guard) when it holds what cannot be stored.</summary>
    public static string RequireStorable(string value) =>
        IsStorable(value) ? value : throw new UnstorableInputException();

    /// <summary>No NUL, no lone surrogate: what PostgreSQL's text and Npgsql's strict UTF-8 encoding accept.</summary>
    public static bool IsStorable(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static (int Status, string Reason)? Bad(string reason) => (StatusCodes.Status400BadRequest, reason);

    private static (int Status, string Reason)? CheckQuery(HttpRequest request)
    {
        var raw = request.QueryString.Value;
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (raw.Length > MaxQueryLength)
        {
            return Bad("query string too long");
        }

        return DecodesToStorableUtf8(Encoding.Latin1.GetBytes(raw).AsSpan(1), plusIsSpace: true) ? null : Bad("query string: NUL or invalid UTF-8");
    }

    private static (int Status, string Reason)? CheckRouteValues(HttpRequest request)
    {
        foreach (var (key, value) in request.RouteValues)
        {
            if (value is string text && !IsStorable(text))
            {
                return Bad($"route value {key}: NUL or lone surrogate");
            }
        }

        return null;
    }

    private static async Task<((int Status, string Reason)? Refusal, bool StreamsUploads)> CheckBodyAsync(HttpContext context, string? tokenHeader)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return (null, false); // not a form: no form value provider will read it
        }

        var multipart = type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var urlEncoded = type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (!multipart && !urlEncoded)
        {
            return (null, false);
        }

        if (multipart && HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 200 })
        {
            return (Bad("multipart without a boundary"), false);
        }

        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false })
        {
            return (null, false); // reads its own body (signed webhook)
        }

        if (multipart && endpoint?.Metadata.GetMetadata<AcceptsUploadsAttribute>() is { StreamsBody: true } && HttpMethods.IsPost(request.Method)
            && ((tokenHeader is not null && request.Headers.ContainsKey(tokenHeader)) || Api.ApiProblems.IsApi(context)))
        {
            // Streamed by the page (htmx sends the token in a header) or the API (no antiforgery: a bearer token): checked
            // as it is read. Without the header,
            // antiforgery reads (and buffers) the whole form anyway, so it is read and checked here.
            return (null, true);
        }

        if (urlEncoded)
        {
            byte[]? bytes;
            try
            {
                bytes = await ReadUrlEncodedAsync(request, context.RequestAborted);
            }
            catch (BadHttpRequestException ex)
            {
                return ((ex.StatusCode, "form: " + ex.Message), false);
            }

            if (bytes is null)
            {
                return ((StatusCodes.Status413PayloadTooLarge, "urlencoded body too large"), false);
            }

            if (!DecodesToStorableUtf8(bytes, plusIsSpace: true))
            {
                return (Bad("form: NUL or invalid UTF-8"), false);
            }
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            return ((ex.StatusCode, "form: " + ex.Message), false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException or DecoderFallbackException or NotSupportedException or ArgumentException
            && !context.RequestAborted.IsCancellationRequested)
        {
            return (Bad("form cannot be read: " + ex.Message), false);
        }

        foreach (var (key, values) in form)
        {
            if (!IsStorable(key) || !AllStorable(values))
            {
                return (Bad($"form field {Truncate(key)}: NUL or lone surrogate"), false);
            }
        }

        foreach (var file in form.Files)
        {
            if (!IsStorable(file.FileName) || !IsStorable(file.Name))
            {
                return (Bad("file name: NUL or lone surrogate"), false);
            }
        }

        return (null, false);
    }

    /// <summary>The urlencoded body, buffered so that the form reader reads it again; null when it is larger than <see cref="MaxUrlEncodedBytes"/>.</summary>
    private static async Task<byte[]?> ReadUrlEncodedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxUrlEncodedBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxUrlEncodedBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        request.Body = new MemoryStream(bytes, writable: false);
        request.ContentLength = bytes.Length;
        return bytes;
    }

    /// <summary>Percent-decodes (and '+' as a space) and checks the bytes are strict UTF-8 (no encoded surrogates) without NUL.</summary>
    private static bool DecodesToStorableUtf8(ReadOnlySpan<byte> encoded, bool plusIsSpace)
    {
        var decoded = encoded.Length <= 4096 ? stackalloc byte[encoded.Length] : new byte[encoded.Length];
        var n = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                b = (byte)((Hex(encoded[i + 1]) << 4) | Hex(encoded[i + 2]));
                i += 2;
            }
            else if (b == '+' && plusIsSpace)
            {
                b = (byte)' ';
            }

            if (b == 0)
            {
                return false;
            }

            decoded[n++] = b;
        }

        return Utf8.IsValid(decoded[..n]);
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static bool AllStorable(StringValues values)
    {
        foreach (var value in values)
        {
            if (!IsStorable(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Thrown by a multipart parser (truncated, garbage, over a limit) or by a streaming reader's field check.</summary>
    private static bool IsMalformedBody(Exception ex) =>
        ex is InvalidDataException or UnstorableInputException
        || (ex is IOException && ex is not BadHttpRequestException && ex.TargetSite?.DeclaringType?.Namespace == "Microsoft.AspNetCore.WebUtilities");

    private static string Truncate(string key) => key.Length <= 40 && IsStorable(key) ? key : "(unprintable)";

    private async Task RefuseAsync(HttpContext context, int status, string reason)
    {
        logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", context.Request.Method, context.Request.Path.Value, status, reason);
        context.Response.StatusCode = status;

        // The refused form is dropped, so the status page re-executed for this request binds nothing of it.
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        {
            return; // the status page (or its htmx fragment) answers, as for any other 400
        }

        await TypedResults.Problem(
            statusCode: status,
            title: status == StatusCodes.Status413PayloadTooLarge ? "Too large" : "Bad request",
            detail: "The request could not be understood: it holds characters or a format the portal does not accept. Nothing was changed.",
            extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier })
            .ExecuteAsync(context);
    }
}

/// <summary>A field a streaming reader read holds a NUL or a lone surrogate: the guard answers 400.</summary>
public sealed class UnstorableInputException : IOException
{
    public UnstorableInputException()
        : base("A field holds a NUL or a lone surrogate.")
    {
    }

    public UnstorableInputException(string message)
        : base(message)
    {
    }

    public UnstorableInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

public static class InputGuard
{
    /// <summary>The edge guard, after routing (it needs the endpoint and route values) and the upload limits.</summary>
    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.UseMiddleware<InputGuardMiddleware>();
}
