namespace Messaging.Core.Messages;

/// <summary>Someone who may be mentioned: a participant of the conversation.</summary>
public sealed record MentionCandidate(long MemberId, string DisplayName);

/// <summary>
/// One <c>@</c> mention found in text: <see cref="Candidate"/> is who it names, or null when it names
/// nobody in the candidate list (<see cref="Ambiguous"/> when a first name fits several).
/// </summary>
public sealed record MentionHit(int Start, int Length, string Typed, MentionCandidate? Candidate, bool Ambiguous = false);

/// <summary>
/// Finds <c>@Full Name</c> (what the autocomplete inserts) or <c>@FirstName</c> (when one candidate has
/// it) in a piece of text. An <c>@</c> counts only at the start of a word and before a letter, so e-mail
/// addresses and "@ 5pm" are plain text.
/// </summary>
public static class MentionScanner
{
    public static IEnumerable<MentionHit> Scan(string text, char? before, IReadOnlyList<MentionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(candidates);
        var byLength = candidates.OrderByDescending(c => c.DisplayName.Length).ToList();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '@' || i + 1 >= text.Length || !char.IsLetter(text[i + 1]))
            {
                continue;
            }

            var previous = i > 0 ? text[i - 1] : before;
            if (previous is { } p && (char.IsLetterOrDigit(p) || p is '_' or '@' or '.' or '/' or '\\'))
            {
                continue;
            }

            var hit = Match(text, i, byLength);
            yield return hit;
            i = hit.Start + hit.Length - 1;
        }
    }

    private static MentionHit Match(string text, int at, List<MentionCandidate> candidates)
    {
        var rest = text.AsSpan(at + 1);
        foreach (var candidate in candidates)
        {
            var name = candidate.DisplayName;
            if (name.Length > 0 && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) && EndsWord(rest, name.Length))
            {
                return new MentionHit(at, name.Length + 1, text.Substring(at, name.Length + 1), candidate);
            }
        }

        var length = 0;
        while (length < rest.Length && (char.IsLetterOrDigit(rest[length]) || rest[length] is '-' or '\''))
        {
            length++;
        }

        var word = rest[..length].ToString();
        var typed = "@" + word;
        var byFirstName = candidates.Where(c => string.Equals(FirstName(c.DisplayName), word, StringComparison.OrdinalIgnoreCase)).ToList();
        return byFirstName.Count switch
        {
            1 => new MentionHit(at, length + 1, typed, byFirstName[0]),
            0 => new MentionHit(at, length + 1, typed, null),
            _ => new MentionHit(at, length + 1, typed, null, Ambiguous: true),
        };
    }

    private static bool EndsWord(ReadOnlySpan<char> rest, int length) => length >= rest.Length || !char.IsLetterOrDigit(rest[length]);

    private static string FirstName(string displayName)
    {
        var space = displayName.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? displayName : displayName[..space];
    }
}
