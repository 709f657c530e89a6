using System.Globalization;
using System.Text.RegularExpressions;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>
/// The variables a saved reply may use, filled in for the conversation it is inserted into. An unknown
/// variable is left as typed (and the author is warned when saving), so nothing is silently dropped.
/// </summary>
public static partial class ReplyTemplate
{
    public const string ClientFirstName = "client.first_name";
    public const string ProjectName = "project.name";
    public const string StaffFirstName = "staff.first_name";

    public static IReadOnlyList<string> Known { get; } = [ClientFirstName, ProjectName, StaffFirstName];

    /// <summary>The variables as pages list them: <c>{{client.first_name}}, …</c>.</summary>
    public static string VariableList => string.Join(", ", Known.Select(Braced));

    public static string Braced(string name) => string.Create(CultureInfo.InvariantCulture, $"{{{{{name}}}}}");

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Variable();

    public static IReadOnlyList<string> UnknownVariables(string body) =>
        Variable().Matches(body ?? "").Select(m => m.Groups[1].Value).Where(v => !Known.Contains(v)).Distinct().ToList();

    public static string Render(string body, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Variable().Replace(body ?? "", m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    public static string FirstName(string? displayName) =>
        (displayName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
