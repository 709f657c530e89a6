namespace Messaging.Core.Webhooks;

/// <summary>One POST a delivery makes: the URL, the JSON body and the headers beside Content-Type.</summary>
public sealed record WebhookRequest(Uri Url, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>How a try ended: the final status code (null when there was none) and, unless it was a 2xx, what went wrong.</summary>
public sealed record WebhookResponse(int? StatusCode, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300 && Error is null;
}

/// <summary>
/// The HTTP side of webhooks, implemented by the web host: it resolves names and refuses every address
/// <see cref="WebhookAddressRules"/> refuses, at registration and again at connect time, bounds each try's time
/// and never follows a redirect it has not checked.
/// </summary>
public interface IWebhookTransport
{
    /// <summary>Null when the URL's host resolves to addresses a delivery may reach; else why not, in a sentence.</summary>
    Task<string?> CheckAddressAsync(Uri url, CancellationToken ct);

    /// <summary>Posts the request; a network failure, refusal or timeout comes back as a response with its error, never as an exception.</summary>
    Task<WebhookResponse> PostAsync(WebhookRequest request, CancellationToken ct);
}
