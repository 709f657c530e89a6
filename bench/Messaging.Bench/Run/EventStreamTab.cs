using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Messaging.Bench.Run;

/// <summary>
/// An open <c>/events</c> stream read the way a browser tab reads it. Idle streams only drain what
/// arrives; a watching stream timestamps each message event of one conversation on arrival.
/// </summary>
public sealed class EventStreamTab : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;

    private EventStreamTab(HttpResponseMessage response, long? watchConversation)
    {
        this.response = response;
        reading = ReadAsync(watchConversation);
    }

    /// <summary>Stopwatch timestamps of message events for the watched conversation.</summary>
    public Channel<long> Arrivals { get; } = Channel.CreateUnbounded<long>();

    public static async Task<EventStreamTab> OpenAsync(PortalSession session, long? watchConversation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/events", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await session.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new InvalidOperationException($"/events answered {status} for {session.Email}.");
        }

        return new EventStreamTab(response, watchConversation);
    }

    private async Task ReadAsync(long? watchConversation)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
            using var reader = new StreamReader(body);
            string? eventName = null;
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal) && watchConversation is not null && eventName == "message")
                {
                    var now = Stopwatch.GetTimestamp();
                    using var json = JsonDocument.Parse(line[5..]);
                    if (json.RootElement.TryGetProperty("conversationId", out var id) && id.GetInt64() == watchConversation)
                    {
                        Arrivals.Writer.TryWrite(now);
                    }
                }
                else if (line.Length == 0)
                {
                    eventName = null;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by us or by the server.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await reading;
        stop.Dispose();
    }
}
