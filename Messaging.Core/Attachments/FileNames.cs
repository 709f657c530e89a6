using System.Globalization;
using System.Text;

namespace Messaging.Core.Attachments;

/// <summary>Turns whatever name a browser sent into one that is safe to store, show and send back in a header.</summary>
public static class FileNames
{
    public const string Fallback = "file";

    /// <summary>
    /// Keeps only the last path segment (no "/" or "\"), drops control and invisible formatting characters
    /// (including right-to-left overrides), collapses "..", trims dots and spaces at either end, replaces
    /// characters Windows refuses, and shortens the name to at most 255 UTF-8 bytes while keeping its extension.
    /// </summary>
    public static string MakeSafe(string? raw)
    {
        var name = (raw ?? "").Normalize(NormalizationForm.FormC);
        var cut = name.LastIndexOfAny(['/', '\\']);
        if (cut >= 0)
        {
            name = name[(cut + 1)..];
        }

        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            clean.Append(rune.Value switch
            {
                '<' or '>' or ':' or '"' or '|' or '?' or '*' => "_",
                _ => rune.ToString(),
            });
        }

        name = clean.ToString();
        while (name.Contains("..", StringComparison.Ordinal))
        {
            name = name.Replace("..", ".", StringComparison.Ordinal);
        }

        name = name.Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return Fallback;
        }

        return Shorten(name, 255);
    }

    /// <summary>The extension, lower case and without the dot ("" when there is none).</summary>
    public static string ExtensionOf(string safeName)
    {
        ArgumentNullException.ThrowIfNull(safeName);
        var dot = safeName.LastIndexOf('.');
        return dot <= 0 || dot == safeName.Length - 1 ? "" : safeName[(dot + 1)..].ToLowerInvariant();
    }

    private static string Shorten(string name, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(name) <= maxBytes)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 17 ? name[dot..] : "";
        var stem = extension.Length > 0 ? name[..dot] : name;
        var budget = maxBytes - Encoding.UTF8.GetByteCount(extension);
        var kept = new StringBuilder();
        var used = 0;
        foreach (var rune in stem.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            kept.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }

        return kept.ToString().TrimEnd() + extension;
    }
}
