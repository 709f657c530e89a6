using System.Globalization;
using AngleSharp.Dom;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Messages;

/// <summary>The posts and look-ups the message content tests share (send with extras, edit, delete, read a thread).</summary>
internal static class MessageContent
{
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Area(PortalClient member, bool staff) => staff ? "/staff/messages" : "/portal/messages";

    /// <summary>Posts a reply (or note) with the optional reply-to and urgency, as htmx unless told otherwise.</summary>
    public static Task<HttpResponseMessage> SendAsync(
        PortalClient member, string basePath, long conversationId, string body, long? replyTo = null, bool urgent = false, bool note = false, bool htmx = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Body"] = body,
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
        };
        if (replyTo is { } r)
        {
            fields["Input.ReplyToId"] = Id(r);
        }

        if (urgent)
        {
            fields["Input.Urgent"] = "true";
        }

        var thread = $"{basePath}/{Id(conversationId)}";
        return member.PostFormAsync(thread, $"{thread}?handler={(note ? "Note" : "Reply")}", fields, htmx);
    }

    public static Task<HttpResponseMessage> EditAsync(PortalClient member, long messageId, string body, bool htmx = true) =>
        member.PostFormAsync("/account/preferences", $"/messages/item/{Id(messageId)}?handler=Edit", new() { ["Body"] = body }, htmx);

    public static Task<HttpResponseMessage> DeleteAsync(PortalClient member, long messageId, bool htmx = true) =>
        member.PostFormAsync("/account/preferences", $"/messages/item/{Id(messageId)}?handler=Delete", new(), htmx);

    /// <summary>The newest message whose body is exactly this text.</summary>
    public static Task<long> MessageIdAsync(this TestDatabase db, string body) =>
        db.ScalarAsync<long>($"SELECT coalesce(max(id), 0) FROM messages WHERE body = '{body.Replace("'", "''", StringComparison.Ordinal)}'");

    public static Task<long> CountAsync(this TestDatabase db, string table, string where) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE {where}");

    /// <summary>The thread page as the member sees it, and the message element with this id (null when absent).</summary>
    public static async Task<IElement?> MessageOnPageAsync(PortalClient member, string basePath, long conversationId, long messageId)
    {
        var page = await member.GetPageAsync($"{basePath}/{Id(conversationId)}");
        return page.QuerySelector($"[data-testid=message][data-message-id='{Id(messageId)}']");
    }

    public static async Task<IElement?> FragmentAsync(HttpResponseMessage response) =>
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=message]");
}
