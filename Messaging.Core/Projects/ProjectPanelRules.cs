using System.Globalization;

namespace Messaging.Core.Projects;

/// <summary>The rules of a project's panel fields: lengths, dates (whole days, YYYY-MM-DD, within a sane range) and labels.</summary>
public static class ProjectPanelRules
{
    public const int MaxBriefLength = 4000;

    public const int MaxTitleLength = 200;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>A date as typed: empty is none; otherwise YYYY-MM-DD between <see cref="EarliestDate"/> and <see cref="LatestDate"/>, else the reason.</summary>
    public static (DateOnly? Date, string? Error) ParseDate(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, $"Enter the {what} as YYYY-MM-DD.");
        }

        return date < EarliestDate || date > LatestDate
            ? (null, $"The {what} must be between {Day(EarliestDate)} and {Day(LatestDate)}.")
            : (date, null);
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Label(DeliverableState state) => state switch
    {
        DeliverableState.ToDo => "To do",
        DeliverableState.InReview => "In review",
        _ => "Done",
    };

    public static string Label(PaymentState state) => state switch
    {
        PaymentState.NotInvoiced => "Not invoiced",
        PaymentState.PartiallyPaid => "Partially paid",
        _ => state.ToString(),
    };

    /// <summary>A kebab-case value for <c>data-state</c> hooks: to-do, in-review, done.</summary>
    public static string Hook(DeliverableState state) => state switch
    {
        DeliverableState.ToDo => "to-do",
        DeliverableState.InReview => "in-review",
        _ => "done",
    };
}
