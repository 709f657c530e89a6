using System.Text.Json.Nodes;

namespace Messaging.Core.Webhooks;

/// <summary>What a Slack or Teams channel is told: a headline, the text under it, and the link back to the conversation.</summary>
public sealed record ChatNotice(string Title, string Text, string Link);

/// <summary>
/// Slack's and Microsoft Teams' incoming-webhook message formats for a <see cref="ChatNotice"/>. Slack gets
/// <c>{"text", "blocks"}</c> (mrkdwn, with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped as Slack asks, so no text can
/// become a link or a mention); Teams gets a message with one Adaptive Card (1.4) and an "Open conversation" action.
/// </summary>
public static class ChatPayloads
{
    public const int MaxTextLength = 500;

    public static string Slack(ChatNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var title = SlackEscape(notice.Title);
        var text = SlackEscape(Clip(notice.Text));
        return new JsonObject
        {
            ["text"] = $"{title}: <{notice.Link}|Open conversation>",
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{title}*" + (text.Length > 0 ? "\n" + text : "") },
                },
                new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "button",
                        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Open conversation" },
                        ["url"] = notice.Link,
                    }),
                }),
        }.ToJsonString();
    }

    public static string Teams(ChatNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var body = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = notice.Title,
            ["weight"] = "Bolder",
            ["size"] = "Medium",
            ["wrap"] = true,
        });
        var text = Clip(notice.Text);
        if (text.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = new JsonObject
                {
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.4",
                    ["body"] = body,
                    ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open conversation", ["url"] = notice.Link }),
                },
            }),
        }.ToJsonString();
    }

    public static string SlackEscape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static string Clip(string text) => text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";
}
