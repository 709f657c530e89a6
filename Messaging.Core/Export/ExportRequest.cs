namespace Messaging.Core.Export;

/// <summary>
/// What an export covers: conversations, an optional date range (whole days in the workspace's time zone,
/// both ends included) and, for staff only, whether internal notes are in it.
/// </summary>
public sealed record ExportRequest(IReadOnlyList<long> ConversationIds, DateOnly? From, DateOnly? To, bool IncludeInternalNotes)
{
    public const string FromField = "from";
    public const string ToField = "to";
    public const string SelectionField = "ids";
    public const string FormatField = "format";

    public const string BadDate = "Enter dates as YYYY-MM-DD.";
    public const string NoFormat = "Choose PDF or CSV.";

    /// <summary>Most conversations one export (a bulk selection or a list filter) may hold.</summary>
    public const int MaxConversations = 500;

    /// <summary>Exports with more messages than this run as a background job with a progress bar.</summary>
    public const int BackgroundThreshold = 2_000;

    /// <summary>"pdf" or "csv" in any case (or a defined value of the enum); anything else is no format.</summary>
    public static bool TryParseFormat(string? value, out ExportFormat format) =>
        Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format);
}
