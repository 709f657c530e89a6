using System.Text;
using System.Text.Unicode;

namespace Messaging.Core.Attachments;

/// <summary>One kind of file members may attach: its extension, the type it is served with, and how its leading bytes must look.</summary>
public sealed record FileType(string Extension, string ContentType, FileCategory Category, string Label, Func<ReadOnlyMemory<byte>, bool> Matches)
{
    /// <summary>Shown inline in the thread (served with its own image type). HEIC is an image browsers cannot draw, so it is not.</summary>
    public bool IsInlineImage => Category == FileCategory.Image && Extension != "heic";
}

/// <summary>
/// The catalog of attachable types (the allow-list in the workspace settings picks from it). Each entry
/// checks the file's leading bytes, so an extension that lies about the content is refused. SVG, HTML and
/// anything executable are not in the catalog at all, so they can never be attached, let alone shown inline.
/// </summary>
public static class FileTypes
{
    /// <summary>How many leading bytes the checks need.</summary>
    public const int HeaderLength = 512;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly string[] Mp4Brands = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "mmp4", "MSNV", "dash", "f4v "];
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];
    private static readonly string[] QuickTimeAtoms = ["moov", "mdat", "wide", "free", "skip", "pnot"];

    public static IReadOnlyList<FileType> All { get; } =
    [
        new("jpg", "image/jpeg", FileCategory.Image, "JPEG image", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        new("jpeg", "image/jpeg", FileCategory.Image, "JPEG image", h => StartsWith(h, [0xFF, 0xD8, 0xFF])),
        new("png", "image/png", FileCategory.Image, "PNG image", h => StartsWith(h, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new("gif", "image/gif", FileCategory.Image, "GIF image", h => Ascii(h, 0, "GIF87a") || Ascii(h, 0, "GIF89a")),
        new("webp", "image/webp", FileCategory.Image, "WebP image", h => Ascii(h, 0, "RIFF") && Ascii(h, 8, "WEBP")),
        new("heic", "image/heic", FileCategory.Image, "HEIC image", h => Ascii(h, 4, "ftyp") && HeifBrands.Any(b => Ascii(h, 8, b))),
        new("pdf", "application/pdf", FileCategory.Pdf, "PDF", h => Ascii(h, 0, "%PDF-")),
        new("doc", "application/msword", FileCategory.Document, "Word document", h => StartsWith(h, Ole2)),
        new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileCategory.Document, "Word document", h => StartsWith(h, Zip)),
        new("xls", "application/vnd.ms-excel", FileCategory.Document, "Excel spreadsheet", h => StartsWith(h, Ole2)),
        new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileCategory.Document, "Excel spreadsheet", h => StartsWith(h, Zip)),
        new("ppt", "application/vnd.ms-powerpoint", FileCategory.Document, "PowerPoint presentation", h => StartsWith(h, Ole2)),
        new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", FileCategory.Document, "PowerPoint presentation", h => StartsWith(h, Zip)),
        new("odt", "application/vnd.oasis.opendocument.text", FileCategory.Document, "OpenDocument text", h => OpenDocument(h, "text")),
        new("ods", "application/vnd.oasis.opendocument.spreadsheet", FileCategory.Document, "OpenDocument spreadsheet", h => OpenDocument(h, "spreadsheet")),
        new("odp", "application/vnd.oasis.opendocument.presentation", FileCategory.Document, "OpenDocument presentation", h => OpenDocument(h, "presentation")),
        new("txt", "text/plain; charset=utf-8", FileCategory.Text, "Text", IsText),
        new("csv", "text/csv; charset=utf-8", FileCategory.Text, "CSV", IsText),
        new("mp4", "video/mp4", FileCategory.Video, "MP4 video", h => Ascii(h, 4, "ftyp") && Mp4Brands.Any(b => Ascii(h, 8, b))),
        new("mov", "video/quicktime", FileCategory.Video, "QuickTime video", h => (Ascii(h, 4, "ftyp") && Ascii(h, 8, "qt  ")) || QuickTimeAtoms.Any(a => Ascii(h, 4, a))),
        new("zip", "application/zip", FileCategory.Archive, "ZIP archive", h => StartsWith(h, Zip) || StartsWith(h, EmptyZip)),
    ];

    private static readonly Dictionary<string, FileType> ByExtension = All.ToDictionary(t => t.Extension, StringComparer.OrdinalIgnoreCase);

    public static FileType? Find(string? extension) =>
        extension is not null && ByExtension.TryGetValue(extension, out var type) ? type : null;

    /// <summary>Whether the leading bytes agree with the type the extension names.</summary>
    public static bool ContentAgrees(FileType type, ReadOnlyMemory<byte> header)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Matches(header);
    }

    public static string CategoryLabel(FileCategory category) => category switch
    {
        FileCategory.Image => "Images",
        FileCategory.Pdf => "PDF",
        FileCategory.Document => "Office and OpenDocument",
        FileCategory.Text => "Text and CSV",
        FileCategory.Video => "Video",
        FileCategory.Archive => "Archives",
        _ => category.ToString(),
    };

    private static bool StartsWith(ReadOnlyMemory<byte> header, ReadOnlySpan<byte> signature) =>
        header.Span.StartsWith(signature);

    private static bool Ascii(ReadOnlyMemory<byte> header, int offset, string text) =>
        header.Length >= offset + text.Length && header.Span.Slice(offset, text.Length).SequenceEqual(Encoding.ASCII.GetBytes(text));

    /// <summary>An OpenDocument file is a ZIP whose first entry is "mimetype", stored uncompressed with the document's type.</summary>
    private static bool OpenDocument(ReadOnlyMemory<byte> header, string kind) =>
        StartsWith(header, Zip) && Ascii(header, 30, "mimetype") && Ascii(header, 38, "application/vnd.oasis.opendocument." + kind);

    /// <summary>
    /// Text has no signature, so: UTF-8 (or UTF-16 with its byte-order mark), no NUL or other control bytes
    /// but tab and line breaks, and not the signature of a binary type in disguise.
    /// </summary>
    private static bool IsText(ReadOnlyMemory<byte> header)
    {
        var span = header.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        if (Ascii(header, 0, "%PDF-") || StartsWith(header, Zip) || StartsWith(header, Ole2) || Ascii(header, 0, "MZ") || Ascii(header, 1, "ELF"))
        {
            return false;
        }

        foreach (var b in span)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C)
            {
                return false;
            }
        }

        // The header may end in the middle of a character: only the complete part must be valid UTF-8.
        var end = span.Length;
        for (var back = 1; back <= 3 && end - back >= 0; back++)
        {
            var b = span[end - back];
            if ((b & 0xC0) == 0xC0)
            {
                var needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                if (back < needed)
                {
                    end -= back;
                }

                break;
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return Utf8.IsValid(span[..end]);
    }
}
