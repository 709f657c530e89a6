using System.Globalization;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Messaging.Core.Search;

/// <summary>
/// A message as the Lucene index holds it: the words of its body and file names (analyzed in the workspace's
/// language, not stored: snippets are made from the database's current text), and the keys that narrow a search
/// before any hit is checked against the database (workspace, conversation, author, visibility, hidden, kind, date,
/// file types). Nothing here decides access on its own: every hit is checked again in SQL.
/// </summary>
public static class SearchDocument
{
    public const string Id = "id";
    public const string IdOrder = "id_dv";
    public const string Workspace = "ws";
    public const string Conversation = "conv";
    public const string Author = "author";
    public const string Visibility = "vis";
    public const string Hidden = "hidden";
    public const string Kind = "kind";
    public const string Created = "created";
    public const string CreatedOrder = "created_dv";
    public const string HasFiles = "hasfiles";
    public const string FileType = "ftype";
    public const string Body = "body";
    public const string Files = "files";

    /// <summary>The text read from inside the message's files (<see cref="ExtractAttachmentTexts"/>).</summary>
    public const string FileText = "filetext";

    /// <summary>The fields the words typed in the search box are looked for in; nothing else is ever parsed from user text.</summary>
    public static readonly string[] TextFields = [Body, Files, FileText];

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static Term IdTerm(long id) => new(Id, Key(id));

    public static Document Build(IndexedMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var doc = new Document
        {
            new StringField(Id, Key(m.Id), Field.Store.YES),
            new NumericDocValuesField(IdOrder, m.Id),
            new StringField(Workspace, Key(m.WorkspaceId), Field.Store.NO),
            new StringField(Conversation, Key(m.ConversationId), Field.Store.NO),
            new StringField(Author, Key(m.AuthorMemberId), Field.Store.NO),
            new StringField(Visibility, m.Visibility, Field.Store.NO),
            new StringField(Hidden, m.Hidden ? "1" : "0", Field.Store.NO),
            new StringField(Kind, m.Kind, Field.Store.NO),
            new Int64Field(Created, m.CreatedAt.ToUnixTimeMilliseconds(), Field.Store.NO),
            new NumericDocValuesField(CreatedOrder, m.CreatedAt.ToUnixTimeMilliseconds()),
            new StringField(HasFiles, m.AttachmentNames.Length > 0 ? "1" : "0", Field.Store.NO),
            new TextField(Body, Clean(m.Body), Field.Store.NO),
            new TextField(Files, FileNameWords(m.AttachmentNames), Field.Store.NO),
            new TextField(FileText, Clean(m.FileText), Field.Store.NO),
        };
        foreach (var type in m.FileTypes)
        {
            doc.Add(new StringField(FileType, type, Field.Store.NO));
        }

        return doc;
    }

    /// <summary>The body without the two private-use characters the highlighter marks matches with, so no text can fake a mark.</summary>
    public static string Clean(string body) =>
        body.Replace(SearchSnippet.Start.ToString(), string.Empty, StringComparison.Ordinal).Replace(SearchSnippet.Stop.ToString(), string.Empty, StringComparison.Ordinal);

    /// <summary>File names with every character that is not a letter or digit replaced by one space (as PostgreSQL indexes them), so <c>Contract_2025.pdf</c> yields <c>contract</c>.</summary>
    public static string FileNameWords(string names)
    {
        var text = new StringBuilder(names.Length);
        foreach (var rune in Clean(names).EnumerateRunes())
        {
            text.Append(Rune.IsLetterOrDigit(rune) ? rune.ToString() : " ");
        }

        return text.ToString();
    }

    /// <summary>One file's type for <c>filetype:</c> (the SQL re-check files them the same way): spreadsheets by extension, then the category.</summary>
    public static string FileTypeOf(string category, string extension)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(extension);
        if (SearchFilters.SpreadsheetExtensions.Contains(extension.TrimStart('.').ToLowerInvariant()))
        {
            return "spreadsheet";
        }

        return category.ToLowerInvariant() switch
        {
            "image" => "image",
            "video" => "video",
            "archive" => "archive",
            _ => "document",
        };
    }

    /// <summary>The attachment types a search can filter on (<c>filetype:image</c>, ...), from each file's category and extension (pairs, in order).</summary>
    public static IReadOnlyList<string> FileTypes(IEnumerable<string> categories, IEnumerable<string> extensions)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(extensions);
        var types = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (category, extension) in categories.Zip(extensions))
        {
            types.Add(FileTypeOf(category, extension));
        }

        return types.ToList();
    }
}

/// <summary>What the indexer reads of a message (and its files) to build its document.</summary>
public sealed record IndexedMessage(
    long Id,
    long WorkspaceId,
    long ConversationId,
    long AuthorMemberId,
    string Body,
    string AttachmentNames,
    string Visibility,
    bool Hidden,
    bool Deleted,
    string Kind,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> FileTypes,
    string Language,
    string FileText);
