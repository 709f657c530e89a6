namespace Messaging.Core.Webhooks;

/// <summary>The check a webhook or chat channel URL passes before it is stored (its shape, then where its host resolves), and how it is shown.</summary>
public static class WebhookUrls
{
    /// <summary>How many characters of a chat channel's URL are shown after its host.</summary>
    public const int ShownTail = 4;

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

    /// <summary>
    /// The URL as pages, the audit log and emails show it. A Slack or Teams incoming-webhook URL is itself the credential
    /// (whoever has it may post to the channel), so only its host and last <see cref="ShownTail"/> characters are shown.
    /// </summary>
    public static string Shown(WebhookFormat format, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (format == WebhookFormat.Standard || !Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return url;
        }

        var rest = parsed.PathAndQuery.TrimEnd('/');
        return $"{parsed.Scheme}://{parsed.Authority}/…{(rest.Length > ShownTail * 2 ? rest[^ShownTail..] : "")}";
    }
}
