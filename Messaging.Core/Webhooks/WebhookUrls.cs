namespace Messaging.Core.Webhooks;

/// <summary>The check a webhook or chat channel URL passes before it is stored: its shape, then where its host resolves.</summary>
public static class WebhookUrls
{
    public static async Task<(string? Url, string? Error)> CheckAsync(IWebhookTransport transport, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var (url, error) = WebhookAddressRules.ParseUrl(text);
        if (url is null)
        {
            return (null, error);
        }

        if (await transport.CheckAddressAsync(url, ct) is { } refusal)
        {
            return (null, $"Deliveries to this address are refused: {refusal}.");
        }

        return (url.AbsoluteUri, null);
    }
}
