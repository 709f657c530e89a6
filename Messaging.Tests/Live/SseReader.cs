using System.Net.Http.Headers;
using System.Text;

namespace Messaging.Tests.Live;

/// <summary>One parsed Server-Sent Event.</summary>
public sealed record SseEvent(string? Id, string Type, string Data);

/// <summary>Reads an event stream from the test server, line by line, as a browser's EventSource would.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private SseReader(HttpResponseMessage response, Stream stream)
    {
        this.response = response;
        reader = new StreamReader(stream, Encoding.UTF8);
    }

    public static async Task<SseReader> OpenAsync(HttpClient http, string url, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>True once the server has ended the stream.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Reads until the server ends the stream; true if it did within the timeout.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsClosed && DateTime.UtcNow < deadline)
        {
            await NextAsync(deadline - DateTime.UtcNow);
        }

        return IsClosed;
    }

    /// <summary>The next event, or null if none arrives within the timeout.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        string? id = null, type = "message";
        var data = new StringBuilder();
        try
        {
            while (true)
            {
                var line = await reader.ReadLineAsync(cts.Token);
                if (line is null)
                {
                    IsClosed = true;
                    return null;
                }

                if (line.Length == 0)
                {
                    if (data.Length > 0 || id is not null)
                    {
                        return new SseEvent(id, type, data.ToString());
                    }

                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": type = value; break;
                    case "data": data.Append(value); break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Events until one matches, skipping heartbeats and others; null on timeout.</summary>
    public async Task<SseEvent?> WaitForAsync(Func<SseEvent, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var next = await NextAsync(deadline - DateTime.UtcNow);
            if (next is null)
            {
                return null;
            }

            if (match(next))
            {
                return next;
            }
        }

        return null;
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
