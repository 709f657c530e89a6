using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;
using Excel = DocumentFormat.OpenXml.Spreadsheet;
using Slides = DocumentFormat.OpenXml.Drawing;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Messaging.Core.Search;

/// <summary>
/// Reads the words of a file: PDF (PdfPig), Word, Excel and PowerPoint (Open XML SDK), plain text and CSV. At most
/// <c>maxChars</c> characters are kept, and an Open XML part may not unpack past a bound, so a small file that
/// expands hugely stops there. Throws on anything it cannot read (<see cref="AttachmentEncryptedException"/> for a
/// password-protected PDF); <see cref="ExtractAttachmentTexts"/> records that and indexes the file by name only.
/// </summary>
public static class AttachmentTextReader
{
    /// <summary>The extensions whose text is read.</summary>
    public static IReadOnlyList<string> Extensions { get; } = ["pdf", "docx", "xlsx", "pptx", "txt", "csv"];

    /// <summary>An Open XML part may hold at most this many characters (a zip bomb stops here).</summary>
    private const long MaxCharactersInPart = 20_000_000;

    public static bool CanRead(string extension) => Extensions.Contains(extension.ToLowerInvariant());

    public static string Read(byte[] bytes, string extension, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(extension);
        var text = new Bounded(maxChars);
        switch (extension.ToLowerInvariant())
        {
            case "pdf":
                Pdf(bytes, text);
                break;
            case "docx":
                Docx(bytes, text);
                break;
            case "xlsx":
                Xlsx(bytes, text);
                break;
            case "pptx":
                Pptx(bytes, text);
                break;
            case "txt" or "csv":
                text.Add(Decode(bytes, maxChars));
                break;
            default:
                throw new NotSupportedException("no reader for ." + extension);
        }

        return text.ToString();
    }

    private static void Pdf(byte[] bytes, Bounded text)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            foreach (var page in document.GetPages())
            {
                foreach (var word in page.GetWords())
                {
                    if (!text.Add(word.Text))
                    {
                        return;
                    }
                }

                text.Add("\n");
            }
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new AttachmentEncryptedException(ex);
        }
    }

    private static OpenSettings Settings => new() { MaxCharactersInPart = MaxCharactersInPart, AutoSave = false };

    private static void Docx(byte[] bytes, Bounded text)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, Settings);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return;
        }

        foreach (var paragraph in body.Descendants<Word.Paragraph>())
        {
            if (!text.Add(paragraph.InnerText) || !text.Add("\n"))
            {
                return;
            }
        }
    }

    private static void Xlsx(byte[] bytes, Bounded text)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false, Settings);
        var workbook = document.WorkbookPart;
        if (workbook is null)
        {
            return;
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<Excel.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        foreach (var sheet in workbook.WorksheetParts)
        {
            foreach (var cell in sheet.Worksheet.Descendants<Excel.Cell>())
            {
                var value = cell.DataType?.Value == Excel.CellValues.SharedString
                    ? (int.TryParse(cell.CellValue?.Text, out var i) && i >= 0 && i < shared.Count ? shared[i] : null)
                    : cell.DataType?.Value == Excel.CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
                if (!string.IsNullOrEmpty(value) && (!text.Add(value) || !text.Add(" ")))
                {
                    return;
                }
            }

            text.Add("\n");
        }
    }

    private static void Pptx(byte[] bytes, Bounded text)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = PresentationDocument.Open(stream, false, Settings);
        foreach (var slide in document.PresentationPart?.SlideParts ?? [])
        {
            foreach (var run in slide.Slide?.Descendants<Slides.Text>() ?? [])
            {
                if (!text.Add(run.Text) || !text.Add(" "))
                {
                    return;
                }
            }

            text.Add("\n");
        }
    }

    /// <summary>UTF-8 (with or without a byte order mark), or UTF-16 with one; bytes that are not valid become U+FFFD.</summary>
    private static string Decode(byte[] bytes, int maxChars)
    {
        var length = (int)Math.Min(bytes.Length, (long)maxChars * 4);
        using var reader = new StreamReader(new MemoryStream(bytes, 0, length, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Math.Min(maxChars, length)];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    /// <summary>Text with a ceiling: <see cref="Add"/> says false once it is full.</summary>
    private sealed class Bounded(int max)
    {
        private readonly StringBuilder text = new();

        public bool Add(string? part)
        {
            if (string.IsNullOrEmpty(part))
            {
                return text.Length < max;
            }

            if (text.Length > 0 && !char.IsWhiteSpace(text[^1]) && !char.IsWhiteSpace(part[0]) && part != "\n")
            {
                text.Append(' ');
            }

            var room = max - text.Length;
            if (room <= 0)
            {
                return false;
            }

            text.Append(part.Length > room ? part[..room] : part);
            return text.Length < max;
        }

        public override string ToString() => text.ToString();
    }
}
