using System.Globalization;

namespace Messaging.Web.Exports;

/// <summary>
/// The export form (date range, internal notes for staff, PDF or CSV): on every thread, on the export page after
/// a refusal, and in the list's bulk bar. <see cref="Action"/> is where it goes; <see cref="Error"/> why it was refused.
/// </summary>
public sealed record ExportFormModel(string Action, bool IsStaff, bool PdfAvailable)
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public bool IncludeNotes { get; init; }

    public string? Error { get; init; }

    /// <summary>Whether the form posts (the list's bulk bar) instead of a plain GET link-like form (a thread).</summary>
    public bool IsBulk { get; init; }

    public static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
