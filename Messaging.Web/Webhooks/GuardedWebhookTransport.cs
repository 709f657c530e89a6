using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Messaging.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Webhooks;

/// <summary>
/// <see cref="IWebhookTransport"/> over one <see cref="SocketsHttpHandler"/> whose <c>ConnectCallback</c> resolves the
/// host itself and refuses to connect when any address it resolves to is refused by <see cref="WebhookAddressRules"/>
/// (so a name that resolves elsewhere since registration, or a rebinding DNS answer, reaches nothing private). No proxy,
/// no automatic redirects: a 307/308 is followed by hand, at most <see cref="MaxRedirects"/> times, each hop through the
/// same check; any other 3xx counts as a failure. Each try, redirects included, has <see cref="WebhookOptions.TimeoutSeconds"/> in all.
/// </summary>
public sealed class GuardedWebhookTransport : IWebhookTransport, IDisposable
{
    public const int MaxRedirects = 3;

    private readonly IOptions<WebhookOptions> options;
    private readonly HttpClient client;

    public GuardedWebhookTransport(IOptions<WebhookOptions> options)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(Math.Min(5, options.Value.TimeoutSeconds)),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("MessagingPortal-Webhooks/1.0");
    }

    public async Task<string?> CheckAddressAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var addresses = await ResolveAsync(url.IdnHost, ct);
            return addresses.Select(a => WebhookAddressRules.Refusal(a, options.Value)).FirstOrDefault(r => r is not null);
        }
        catch (SocketException)
        {
            return $"{url.Host} cannot be resolved";
        }
    }

    public async Task<WebhookResponse> PostAsync(WebhookRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var url = request.Url;
        var watch = Stopwatch.StartNew();
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
                };
                foreach (var (name, value) in request.Headers)
                {
                    message.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects)
                    {
                        return new WebhookResponse(status, $"More than {MaxRedirects} redirects; not followed further.");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    var (checkedUrl, error) = WebhookAddressRules.ParseUrl(next.AbsoluteUri);
                    if (checkedUrl is null)
                    {
                        return new WebhookResponse(status, $"Redirect to {next} refused: {error}");
                    }

                    url = checkedUrl;
                    continue;
                }

                return status is >= 200 and < 300
                    ? new WebhookResponse(status, null)
                    : new WebhookResponse(status, status is >= 300 and < 400
                        ? $"The receiver answered {status} (a redirect; only 307 and 308 are followed)."
                        : $"The receiver answered {status}.");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookResponse(null, $"Timed out after {watch.Elapsed.TotalSeconds:0.#} seconds (the limit is {options.Value.TimeoutSeconds}).");
        }
        catch (HttpRequestException ex)
        {
            var refused = ex.InnerException as AddressRefusedException ?? ex.InnerException?.InnerException as AddressRefusedException;
            return new WebhookResponse(null, refused is not null
                ? $"Refused to connect to {url.Host}: {refused.Message}."
                : $"Could not reach {url.Host}: {ex.Message}");
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, ct);
        if (addresses.Select(a => WebhookAddressRules.Refusal(a, options.Value)).FirstOrDefault(r => r is not null) is { } refusal)
        {
            throw new AddressRefusedException(refusal);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    public void Dispose() => client.Dispose();

    /// <summary>What the connect callback throws for an address the rules refuse; HttpClient wraps it in an HttpRequestException.</summary>
    private sealed class AddressRefusedException(string message) : IOException(message);
}
