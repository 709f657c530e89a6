using System.Diagnostics;
using System.Globalization;
using System.Net;
using Messaging.Bench.Stats;

namespace Messaging.Bench.Run;

/// <summary>The timed loops. Every loop is bounded both in count and in time, so a run always ends.</summary>
public static class Measurements
{
    /// <summary>
    /// Sends through the real reply form (htmx post with antiforgery and the auth cookie), one sender
    /// per concurrent worker, each in their own conversation.
    /// </summary>
    public static async Task<LatencySummary> SendAsync(IReadOnlyList<(PortalSession Session, long ConversationId, string Token)> senders, TimeSpan duration, int maxPerSender, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(senders);
        var samples = new List<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(senders.Select(async s =>
        {
            for (var i = 0; i < maxPerSender && clock.Elapsed < duration; i++)
            {
                var t = Stopwatch.GetTimestamp();
                var ok = await PostReplyAsync(s.Session, s.ConversationId, s.Token, $"Benchmark message {i} from {s.Session.Email}: please confirm the schedule.", ct);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                lock (samples)
                {
                    if (ok)
                    {
                        samples.Add(ms);
                    }
                    else
                    {
                        failures++;
                    }
                }
            }
        }));
        if (failures > 0)
        {
            Console.WriteLine($"    {failures} sends failed");
        }

        return LatencySummary.From(samples, clock.Elapsed.TotalSeconds);
    }

    public static async Task<bool> PostReplyAsync(PortalSession session, long conversationId, string token, string body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(string.Create(CultureInfo.InvariantCulture, $"/portal/messages/{conversationId}?handler=Reply"), UriKind.Relative));
        request.Headers.Add("HX-Request", "true");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = body,
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = token,
        });
        using var response = await session.Http.SendAsync(request, ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>From the start of the POST to the event arriving on the other participant's stream.</summary>
    public static async Task<LatencySummary> DeliveryAsync(PortalSession sender, string token, long conversationId, EventStreamTab watcher, int samples, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        while (watcher.Arrivals.Reader.TryRead(out _))
        {
            // Drop anything left from earlier sends.
        }

        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (!await PostReplyAsync(sender, conversationId, token, $"Delivery probe {i}", ct))
            {
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                var arrived = await watcher.Arrivals.Reader.ReadAsync(timeout.Token);
                latencies.Add(Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Console.WriteLine("    an event did not arrive within 10 s");
            }

            await Task.Delay(20, ct);
        }

        return LatencySummary.From(latencies, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Opens idle streams spread over the given sessions, a few at a time.</summary>
    public static async Task<List<EventStreamTab>> OpenIdleStreamsAsync(IReadOnlyList<PortalSession> sessions, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var streams = new List<EventStreamTab>(count);
        using var gate = new SemaphoreSlim(64);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var stream = await EventStreamTab.OpenAsync(sessions[i % sessions.Count], null, ct);
                lock (streams)
                {
                    streams.Add(stream);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return streams;
    }

    /// <summary>Sequential page loads, after a warm-up, each checked for 200.</summary>
    /// <param name="htmxTarget">Ask for the fragment htmx swaps into this element id (as live search does), not the whole page.</param>
    public static async Task<LatencySummary> PageAsync(PortalSession session, string path, int samples, TimeSpan maxDuration, CancellationToken ct, string? htmxTarget = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var uri = new Uri(path, UriKind.Relative);
        for (var i = 0; i < 10; i++)
        {
            using var warm = await session.Http.SendAsync(Get(uri, htmxTarget), ct);
            warm.EnsureSuccessStatusCode();
        }

        var latencies = new List<double>(samples);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples && clock.Elapsed < maxDuration; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await session.Http.SendAsync(Get(uri, htmxTarget), HttpCompletionOption.ResponseContentRead, ct);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
            }

            latencies.Add(ms);
        }

        return LatencySummary.From(latencies, clock.Elapsed.TotalSeconds);
    }

    private static HttpRequestMessage Get(Uri uri, string? htmxTarget)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (htmxTarget is not null)
        {
            request.Headers.Add("HX-Request", "true");
            request.Headers.Add("HX-Target", htmxTarget);
        }

        return request;
    }
}
