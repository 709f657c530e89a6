using Messaging.Core.Attachments;
using Messaging.Core.Export;
using Messaging.Core.Messages;

namespace Messaging.Web.Exports;

/// <summary>What the PDF print view shows for one conversation.</summary>
public sealed record TranscriptModel(
    ExportPlan Plan, ExportConversation Conversation, IReadOnlyList<ExportMessage> Messages, string Stamp, DateTimeOffset GeneratedAt, string GeneratedBy)
{
    /// <summary>
    /// The messages printed: internal notes only when the plan includes them. The export query already leaves them out
    /// otherwise (<see cref="ExportQuery.Audience"/>); this keeps a note out of the file even if a caller passed one.
    /// </summary>
    public IReadOnlyList<ExportMessage> Shown { get; } = Plan.IncludesInternalNotes ? Messages : [.. Messages.Where(m => !m.IsInternal)];

    public string Local(DateTimeOffset instant) => ExportRange.LocalText(instant, Plan.TimeZone);

    public string ZoneName => Plan.TimeZone.Id;

    /// <summary>The body as safe HTML (the same Markdown subset renderer as the thread); deleted and hidden messages have none.</summary>
    public static string BodyHtml(ExportMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Kind == MessageKind.Text && !message.IsDeleted && !message.IsHidden
            ? MessageFormatter.ToHtml(message.Body)
            : System.Net.WebUtility.HtmlEncode(message.Body);
    }

    public static string Size(long bytes) => FileSize.Format(bytes);
}
