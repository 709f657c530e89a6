using System.Globalization;
using System.Text;
using Messaging.Core.Messages;

namespace Messaging.Core.Notifications;

/// <summary>A message as an email shows it: plain text, the Markdown as typed.</summary>
public sealed record EmailedMessage(long Id, string AuthorName, string Body, bool Urgent, bool MentionsRecipient, DateTimeOffset CreatedAt);

/// <summary>The unread messages of one conversation that one email announces.</summary>
public sealed record ThreadUpdate(long ConversationId, string Subject, IReadOnlyList<EmailedMessage> Messages);

/// <summary>The text of notification emails (plain text: nothing to sanitise, nothing to render).</summary>
public static class NotificationEmails
{
    /// <summary>Replies are cut at this line (see <see cref="ReplyText"/>).</summary>
    public const string ReplyAboveLine = "## Reply above this line to answer in the portal ##";

    private const int MaxMessagesPerThread = 20;
    private const int MaxBodyLength = 2000;

    public static string ThreadLink(string baseUrl, bool staff, long conversationId) =>
        string.Create(CultureInfo.InvariantCulture, $"{baseUrl.TrimEnd('/')}/{(staff ? "staff" : "portal")}/messages/{conversationId}");

    public static string SettingsLink(string baseUrl, bool staff) => $"{baseUrl.TrimEnd('/')}/{(staff ? "staff" : "portal")}/settings/notifications";

    public static (string Subject, string Body) Compose(IReadOnlyList<ThreadUpdate> threads, EmailMode mode, bool staff, bool canReply, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(threads);
        var count = threads.Sum(t => t.Messages.Count);
        var subject = threads.Count == 1 && mode == EmailMode.Immediate
            ? $"{Plural(count, "new message")} in “{threads[0].Subject}”"
            : $"Your {(mode == EmailMode.Daily ? "daily" : "hourly")} digest: {Plural(count, "new message")} in {Plural(threads.Count, "conversation")}";
        var text = new StringBuilder();
        if (canReply)
        {
            text.AppendLine(ReplyAboveLine).AppendLine();
        }

        foreach (var thread in threads)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"“{thread.Subject}”").AppendLine();
            foreach (var m in thread.Messages.Take(MaxMessagesPerThread))
            {
                var flags = (m.Urgent ? " [urgent]" : "") + (m.MentionsRecipient ? " [mentions you]" : "");
                text.AppendLine(CultureInfo.InvariantCulture, $"{m.AuthorName} wrote at {m.CreatedAt:yyyy-MM-dd HH:mm} UTC{flags}:");
                text.AppendLine(m.Body.Length > MaxBodyLength ? m.Body[..MaxBodyLength] + "…" : m.Body).AppendLine();
            }

            if (thread.Messages.Count > MaxMessagesPerThread)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"… and {thread.Messages.Count - MaxMessagesPerThread} more.").AppendLine();
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"Open the conversation: {ThreadLink(baseUrl, staff, thread.ConversationId)}").AppendLine();
        }

        text.AppendLine(canReply ? "Reply to this email to answer in the conversation; your reply is posted as you." : "Open a conversation above to answer.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Change how and when you get these emails: {SettingsLink(baseUrl, staff)}");
        return (subject, text.ToString());
    }

    private static string Plural(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
