using System.Net.Http.Headers;

namespace Messaging.Tests.Infrastructure;

/// <summary>Posting a message with files, as the compose form does: multipart, through htmx (token in a header) or without JavaScript (token in the body).</summary>
public static class FilePosts
{
    public static async Task<HttpResponseMessage> PostFilesAsync(
        this PortalClient client, string threadUrl, string? body, IEnumerable<(string Name, byte[] Bytes)> files,
        bool htmx = true, string handler = "Reply", Guid? key = null, bool chunked = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(files);
        var page = await client.GetPageAsync(threadUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {threadUrl}");
        var content = new MultipartFormDataContent();
        if (!htmx)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }

        content.Add(new StringContent(body ?? ""), "Input.Body");
        content.Add(new StringContent((key ?? Guid.NewGuid()).ToString()), "Input.IdempotencyKey");
        foreach (var (name, bytes) in files)
        {
            HttpContent part = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"{threadUrl}?handler={handler}") { Content = content };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("RequestVerificationToken", token);
        }

        return await client.Http.SendAsync(request);
    }

    /// <summary>A stream that does not say how long it is, so the request is sent without a Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
