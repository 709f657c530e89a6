using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using DocumentFormat.OpenXml.Spreadsheet;
using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Messaging.Tests.Search;

/// <summary>
/// The words inside attached files are found (PDF, Word, Excel, PowerPoint, text, CSV), with the file that matched
/// named on the hit; a broken, oversized or unreadable file is found by its name only and never stops the others;
/// and the text of a file on an internal note or in another client's thread never reaches a client. The files are
/// made here, with the same libraries the portal reads them with.
/// </summary>
public sealed class AttachmentTextSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Moodboard = "Moodboard feedback";
    private const string Kickoff = "Spring campaign kickoff";
    private const string Timeline = "Launch timeline";

    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<long> WriteAsync(string subject, string authorEmail, string body, string visibility = "Everyone")
    {
        var conversation = await factory.Database.ConversationIdAsync(subject);
        var author = await factory.Database.MemberIdAsync(authorEmail);
        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
            SELECT workspace_id, id, {Id(author)}, '{body}', '{visibility}', now()
            FROM conversations WHERE id = {Id(conversation)} RETURNING id
            """);
    }

    /// <summary>Runs the extractor until nothing is left (the background one may take some first: either way each file once).</summary>
    private async Task ExtractAsync()
    {
        for (var i = 0; i < 50; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ExtractAttachmentTexts>().HandleAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }
    }

    private static async Task<IDocument> SearchAsync(PortalClient member, string query, bool staff = false)
    {
        var url = $"{(staff ? "/staff" : "/portal")}/messages/search?q={Uri.EscapeDataString(query)}";
        var response = await member.GetAsync(url, htmx: true, target: "search-results");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{html}");
        return PortalClient.Parse(html);
    }

    private static List<long> Found(IDocument results) =>
        results.QuerySelectorAll("[data-testid=search-result]").Select(e => long.Parse(e.GetAttribute("data-message-id")!, CultureInfo.InvariantCulture)).ToList();

    private static List<string> MatchedFiles(IDocument results) =>
        results.QuerySelectorAll("[data-testid=search-file-match]").Select(e => e.GetAttribute("data-file-name")!).ToList();

    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(text, 12, new PdfPoint(25, 700), font);
        return builder.Build();
    }

    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("Project notes"))), new W.Paragraph(new W.Run(new W.Text(text)))));
        }

        return stream.ToArray();
    }

    public static byte[] Xlsx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text)));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                new Cell { CellReference = "B1", CellValue = new CellValue("1200") })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Budget" }));
        }

        return stream.ToArray();
    }

    public static byte[] Pptx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = document.AddPresentationPart();
            presentation.Presentation = new Presentation();
            var slide = presentation.AddNewPart<SlidePart>();
            slide.Slide = new Slide(new CommonSlideData(new ShapeTree(new Shape(new TextBody(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(text))))))));
            presentation.Presentation.SlideIdList = new SlideIdList(new SlideId { Id = 256U, RelationshipId = presentation.GetIdOfPart(slide) });
        }

        return stream.ToArray();
    }

    [Fact]
    public void TheReaderReadsEachKindOfFileAndStopsAtItsBound()
    {
        Assert.Contains("walrus", AttachmentTextReader.Read(Pdf("the walrus budget"), "pdf", 1000), StringComparison.Ordinal);
        Assert.Contains("walrus", AttachmentTextReader.Read(Docx("the walrus budget"), "docx", 1000), StringComparison.Ordinal);
        Assert.Contains("walrus", AttachmentTextReader.Read(Xlsx("the walrus budget"), "xlsx", 1000), StringComparison.Ordinal);
        Assert.Contains("1200", AttachmentTextReader.Read(Xlsx("the walrus budget"), "xlsx", 1000), StringComparison.Ordinal);
        Assert.Contains("walrus", AttachmentTextReader.Read(Pptx("the walrus budget"), "pptx", 1000), StringComparison.Ordinal);
        Assert.Equal("café walrus", AttachmentTextReader.Read(Encoding.UTF8.GetPreamble().Concat("café walrus"u8.ToArray()).ToArray(), "txt", 1000));
        Assert.Equal(2000, AttachmentTextReader.Read(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("walrus ", 5000))), "csv", 2000).Length);
        Assert.True(AttachmentTextReader.Read(Docx(string.Concat(Enumerable.Repeat("walrus ", 5000))), "docx", 1000).Length <= 1000);
        Assert.ThrowsAny<Exception>(() => AttachmentTextReader.Read("%PDF-1.4 not really"u8.ToArray(), "pdf", 1000));
        Assert.ThrowsAny<Exception>(() => AttachmentTextReader.Read("PK\u0003\u0004 not a zip"u8.ToArray(), "docx", 1000));
    }

    [Fact]
    public async Task WordsInsideEachKindOfFileAreFoundAndTheHitSaysWhichFile()
    {
        var words = Enumerable.Range(0, 6).Select(_ => NewWord()).ToList();
        var id = await WriteAsync(Moodboard, Demo.Client, "files attached");
        await factory.AttachAsync(id, "brief.pdf", Pdf($"Summary {words[0]} of the brief"));
        await factory.AttachAsync(id, "notes.docx", Docx($"Minutes {words[1]} taken"));
        await factory.AttachAsync(id, "budget.xlsx", Xlsx($"Line {words[2]}"));
        await factory.AttachAsync(id, "deck.pptx", Pptx($"Slide {words[3]}"));
        await factory.AttachAsync(id, "readme.txt", Encoding.UTF8.GetBytes($"Read {words[4]} first"));
        await factory.AttachAsync(id, "list.csv", Encoding.UTF8.GetBytes($"name,amount\n{words[5]},12\n"));
        await ExtractAsync();
        using var chloe = await factory.SignInAsync(Demo.Client);

        var files = new[] { "brief.pdf", "notes.docx", "budget.xlsx", "deck.pptx", "readme.txt", "list.csv" };
        for (var i = 0; i < words.Count; i++)
        {
            var results = await SearchAsync(chloe, words[i]);
            Assert.Equal([id], Found(results));
            Assert.Equal([files[i]], MatchedFiles(results));
            Assert.Contains($"<mark>{words[i]}</mark>", results.QuerySelector("[data-testid=search-file-match]")!.InnerHtml, StringComparison.Ordinal);
        }

        Assert.Equal(6, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM attachment_texts WHERE message_id = {Id(id)} AND status = 'extracted'"));
    }

    [Fact]
    public async Task ABrokenOrOversizedFileIsFoundByNameOnlyAndNeverStopsTheOthers()
    {
        var name = NewWord();
        var inside = NewWord();
        var after = NewWord();
        var broken = await WriteAsync(Moodboard, Demo.Client, "a broken file");
        await factory.AttachAsync(broken, $"{name}.pdf", Encoding.ASCII.GetBytes($"%PDF-1.4 {inside} this is no PDF at all"));
        var zipBomb = await WriteAsync(Moodboard, Demo.Client, "not a docx");
        await factory.AttachAsync(zipBomb, $"{name}-2.docx", "PK\u0003\u0004 truncated"u8.ToArray());
        var good = await WriteAsync(Moodboard, Demo.Client, "a good file after them");
        await factory.AttachAsync(good, "fine.pdf", Pdf($"All {after} well"));
        await ExtractAsync();
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([broken], Found(await SearchAsync(chloe, $"{name} filetype:document -docx")));
        Assert.Equal(2, Found(await SearchAsync(chloe, name)).Count);
        Assert.Empty(Found(await SearchAsync(chloe, inside)));
        Assert.Equal([good], Found(await SearchAsync(chloe, after)));
        Assert.Equal("failed", await factory.Database.ScalarAsync<string>($"SELECT t.status FROM attachment_texts t JOIN attachments a ON a.id = t.attachment_id WHERE a.message_id = {Id(broken)}"));
        Assert.Equal("failed", await factory.Database.ScalarAsync<string>($"SELECT t.status FROM attachment_texts t JOIN attachments a ON a.id = t.attachment_id WHERE a.message_id = {Id(zipBomb)}"));
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task TheTextOfANotesFileOrAnotherClientsFileNeverReachesAClient()
    {
        var secret = NewWord();
        var note = await WriteAsync(Kickoff, Demo.Staff, "internal file", visibility: "StaffOnly");
        await factory.AttachAsync(note, "internal.pdf", Pdf($"Margin {secret} only for us"));
        var foreign = await WriteAsync(Timeline, Demo.Client2, "their file");
        await factory.AttachAsync(foreign, "theirs.docx", Docx($"Carlos {secret} plan"));
        await ExtractAsync();
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var carlos = await factory.SignInAsync(Demo.Client2);

        Assert.Empty(Found(await SearchAsync(chloe, secret)));
        Assert.Empty(Found(await SearchAsync(chloe, $"{secret}~")));
        Assert.Equal([foreign], Found(await SearchAsync(carlos, secret)));
        Assert.Equal([note, foreign], Found(await SearchAsync(sam, secret, staff: true)).Order().ToList());
    }

    [Fact]
    public async Task AFileUploadedThroughTheReplyFormIsReadOffTheRequestPathAndFound()
    {
        var word = NewWord();
        var conversation = await factory.Database.ConversationIdAsync(Moodboard);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var response = await chloe.PostFilesAsync($"/portal/messages/{conversation}", "the contract", [("contract.pdf", Pdf($"Clause {word} applies"))]);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");

        // The background extractor reads it; the search finds it within a few seconds.
        var found = new List<long>();
        for (var i = 0; i < 100 && found.Count == 0; i++)
        {
            await Task.Delay(100);
            found = Found(await SearchAsync(chloe, word));
        }

        Assert.Single(found);
    }
}
