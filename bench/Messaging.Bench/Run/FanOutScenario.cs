using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Messaging.Bench.Stats;
using Npgsql;

namespace Messaging.Bench.Run;

/// <summary>What <see cref="FanOutScenario"/> measured.</summary>
public sealed record FanOutResult(int Senders, int Streams, TimeSpan Duration, LatencySummary Sends, LatencySummary Delivery, int FailedSends, long MissedDeliveries, IReadOnlyList<(int Second, double P99)> DeliveryBySecond);

/// <summary>
/// Issue 18's fan-out load (<c>Messaging.Bench fanout</c>, <c>./bench.sh fanout</c>): 16 senders post replies as fast as
/// the portal accepts them, all into one conversation (the longest thread: its client and its staff member, several
/// sessions each), while 200 <c>/events</c> streams of its participants are open. Each reply's body names it; each
/// stream records the SSE id and arrival time of every <c>message</c> event of that conversation; afterwards the event ids
/// are mapped to their messages (<c>live_events.message_id</c>) and so to the moment their send started. Send→event
/// latency is over every (stream, message) pair; a message a stream never received counts as missed.
/// </summary>
public static class FanOutScenario
{
    public static async Task<FanOutResult> RunAsync(AppProcess app, Scenario scenario, string connectionString, int senders, int streams, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(scenario);
        var pair = scenario.LongThread;
        var sessions = new List<PortalSession>();
        try
        {
            async Task<PortalSession> SignInAsync(string email)
            {
                var session = new PortalSession(app.Address, email);
                await session.SignInAsync(Dataset.DatasetPlan.Password, ct);
                sessions.Add(session);
                return session;
            }

            // Senders alternate client and staff of the one conversation, each with a session of their own.
            var writers = new List<(PortalSession Session, string Area, string Token)>();
            for (var i = 0; i < senders; i++)
            {
                var staff = i % 2 == 1;
                var session = await SignInAsync(staff ? pair.StaffEmail : pair.ClientEmail);
                var area = staff ? "staff" : "portal";
                writers.Add((session, area, await session.TokenFromAsync(string.Create(CultureInfo.InvariantCulture, $"/{area}/messages/{pair.ConversationId}"), ct)));
            }

            var watchers = new[] { await SignInAsync(pair.ClientEmail), await SignInAsync(pair.StaffEmail) };
            var arrivals = new ConcurrentQueue<(int Stream, long EventId, long At)>();
            using var stop = new CancellationTokenSource();
            var readers = new List<Task>();
            for (var i = 0; i < streams; i++)
            {
                var response = await OpenAsync(watchers[i % watchers.Length], ct);
                readers.Add(ReadAsync(response, i, pair.ConversationId, arrivals, stop.Token));
            }

            await Task.Delay(2_000, ct);
            var starts = new ConcurrentDictionary<string, long>();
            var sendLatencies = new ConcurrentBag<double>();
            var failed = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(writers.Select(async (w, n) =>
            {
                for (var i = 0; clock.Elapsed < duration && !ct.IsCancellationRequested; i++)
                {
                    var body = string.Create(CultureInfo.InvariantCulture, $"Fan-out {n}-{i} {Guid.NewGuid():N}");
                    var start = Stopwatch.GetTimestamp();
                    starts[body] = start;
                    if (await PostAsync(w.Session, w.Area, pair.ConversationId, w.Token, body, ct))
                    {
                        sendLatencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }));
            var sendSeconds = clock.Elapsed.TotalSeconds;

            // Let the stragglers arrive, then stop reading.
            await Task.Delay(5_000, ct);
            await stop.CancelAsync();
            await Task.WhenAll(readers);

            var bodies = await BodiesAsync(connectionString, arrivals.Select(a => a.EventId).Distinct().ToArray(), ct);
            var delivery = new List<double>();
            var bySecond = new SortedDictionary<int, List<double>>();
            var first = starts.Values.DefaultIfEmpty(0).Min();
            var delivered = 0L;
            // A repeat (a replay after a reconnect) counts once, at its first arrival.
            foreach (var (_, eventId, at) in arrivals.GroupBy(a => (a.Stream, a.EventId)).Select(g => g.MinBy(a => a.At)))
            {
                if (bodies.TryGetValue(eventId, out var body) && starts.TryGetValue(body, out var start))
                {
                    var ms = Stopwatch.GetElapsedTime(start, at).TotalMilliseconds;
                    delivery.Add(ms);
                    delivered++;
                    var second = (int)Stopwatch.GetElapsedTime(first, start).TotalSeconds;
                    if (!bySecond.TryGetValue(second / 10 * 10, out var bucket))
                    {
                        bySecond[second / 10 * 10] = bucket = [];
                    }

                    bucket.Add(ms);
                }
            }

            var sent = sendLatencies.Count;
            var missed = ((long)sent * streams) - delivered;
            return new FanOutResult(
                senders,
                streams,
                duration,
                LatencySummary.From(sendLatencies.ToList(), sendSeconds),
                LatencySummary.From(delivery, sendSeconds),
                failed,
                missed,
                bySecond.Select(b => (b.Key, LatencySummary.From(b.Value, 1).P99)).ToList());
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }
    }

    private static async Task<HttpResponseMessage> OpenAsync(PortalSession session, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/events", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await session.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new InvalidOperationException($"/events answered {status} for {session.Email}.");
        }

        return response;
    }

    private static async Task ReadAsync(HttpResponseMessage response, int stream, long conversationId, ConcurrentQueue<(int, long, long)> arrivals, CancellationToken stop)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(stop);
            using var reader = new StreamReader(body);
            string? eventName = null, data = null;
            long? id = null;
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                // Dispatched at the blank line, as EventSource does: .NET writes the id after the data.
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventName = line[6..].Trim();
                }
                else if (line.StartsWith("id:", StringComparison.Ordinal))
                {
                    id = long.TryParse(line[3..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data = line[5..];
                }
                else if (line.Length == 0)
                {
                    if (eventName == "message" && id is { } eventId && data is not null)
                    {
                        var now = Stopwatch.GetTimestamp();
                        using var json = JsonDocument.Parse(data);
                        if (json.RootElement.TryGetProperty("conversationId", out var c) && c.GetInt64() == conversationId)
                        {
                            arrivals.Enqueue((stream, eventId, now));
                        }
                    }

                    (eventName, data, id) = (null, null, null);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by us or by the server.
        }
        finally
        {
            response.Dispose();
        }
    }

    private static async Task<bool> PostAsync(PortalSession session, string area, long conversationId, string token, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(string.Create(CultureInfo.InvariantCulture, $"/{area}/messages/{conversationId}?handler=Reply"), UriKind.Relative));
        request.Headers.Add("HX-Request", "true");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = body,
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = token,
        });
        try
        {
            using var response = await session.Http.SendAsync(request, ct);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Event id → the body of the message it announced.</summary>
    private static async Task<Dictionary<long, string>> BodiesAsync(string connectionString, long[] eventIds, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT e.id, m.body FROM live_events e JOIN messages m ON m.id = e.message_id WHERE e.id = ANY(@ids)", connection);
        cmd.Parameters.AddWithValue("ids", eventIds);
        var result = new Dictionary<long, string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetInt64(0)] = reader.GetString(1);
        }

        return result;
    }
}
