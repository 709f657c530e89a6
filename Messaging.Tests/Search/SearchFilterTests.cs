using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Messaging.Core.Conversations;
using Messaging.Core.Inbox;
using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Search;

/// <summary>
/// The filters of issue 19 (attachment type, message type, status, with:, category), through the Lucene search and its
/// SQL re-check: each narrows to what it names, the form controls do what the operators do, and none of them lets a
/// client reach an internal note or another client's conversation.
/// </summary>
public sealed class SearchFilterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Kickoff = "Spring campaign kickoff";
    private const string Moodboard = "Moodboard feedback";
    private const string Timeline = "Launch timeline";
    private const string TeamSync = "Team sync: Q3 planning";

    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<long> WriteAsync(string subject, string authorEmail, string body, string visibility = "Everyone", string kind = "Text")
    {
        var conversation = await factory.Database.ConversationIdAsync(subject);
        var author = await factory.Database.MemberIdAsync(authorEmail);
        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, kind, created_at)
            SELECT workspace_id, id, {Id(author)}, '{body.Replace("'", "''", StringComparison.Ordinal)}', '{visibility}', '{kind}', now()
            FROM conversations WHERE id = {Id(conversation)} RETURNING id
            """);
    }

    private async Task AttachAsync(long messageId, string fileName, string category)
    {
        var extension = fileName[(fileName.LastIndexOf('.') + 1)..];
        await factory.Database.ExecuteAsync($"""
            INSERT INTO attachments (workspace_id, conversation_id, message_id, uploader_member_id, file_name, extension, content_type,
                                     category, size_bytes, sha256, storage_key, created_at)
            SELECT workspace_id, conversation_id, id, author_member_id, '{fileName}', '{extension}', 'application/octet-stream',
                   '{category}', 10, repeat('0', 64), 'test/{Guid.NewGuid():N}', now()
            FROM messages WHERE id = {Id(messageId)}
            """);
    }

    private static async Task<IDocument> SearchAsync(PortalClient member, string query, string extra = "", bool staff = false)
    {
        var url = $"{(staff ? "/staff" : "/portal")}/messages/search?q={Uri.EscapeDataString(query)}{extra}";
        var response = await member.GetAsync(url, htmx: true, target: "search-results");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{html}");
        return PortalClient.Parse(html);
    }

    private static List<long> Found(IDocument results) =>
        results.QuerySelectorAll("[data-testid=search-result]").Select(e => long.Parse(e.GetAttribute("data-message-id")!, CultureInfo.InvariantCulture)).Order().ToList();

    private static List<string> Warnings(IDocument results) => results.QuerySelectorAll("[data-testid=search-warning]").Select(e => e.TextContent).ToList();

    [Fact]
    public void TheParserReadsTheNewFiltersAndWritesThemBack()
    {
        var q = SearchQueryParser.Parse("plan filetype:spreadsheet type:note status:waiting with:\"Chloe Client\" category:general has:image");

        Assert.Equal("plan", q.Text);
        Assert.Equal("image", q.Filters.FileType);
        Assert.Equal(SearchMessageType.Note, q.Filters.MessageType);
        Assert.Equal(ConversationStatus.WaitingOnClient, q.Filters.Status);
        Assert.Equal("Chloe Client", q.Filters.With);
        Assert.Equal(ConversationCategory.General, q.Filters.Category);
        Assert.Empty(q.Warnings);
        Assert.Equal("plan filetype:image type:note status:waiting with:\"Chloe Client\" category:general", q.Compose());
        Assert.Equal(q, SearchQueryParser.Parse(q.Compose()) with { Warnings = q.Warnings });

        var bad = SearchQueryParser.Parse("plan filetype:bananas type:gossip status:asleep category:secret");
        Assert.True(bad.Filters.IsEmpty);
        Assert.Equal(4, bad.Warnings.Count);

        var client = SearchQueryParser.ForMember(q, isStaff: false);
        Assert.Null(client.Filters.Status);
        Assert.Null(client.Filters.MessageType);
        Assert.Equal(2, client.Warnings.Count);
        Assert.Equal(q, SearchQueryParser.ForMember(q, isStaff: true));
    }

    [Fact]
    public async Task FileTypeFindsOnlyMessagesWithSuchAFile()
    {
        var w = NewWord();
        var image = await WriteAsync(Moodboard, Demo.Client, $"{w} picture");
        await AttachAsync(image, "palette.png", "Image");
        var video = await WriteAsync(Moodboard, Demo.Client, $"{w} clip");
        await AttachAsync(video, "teaser.mp4", "Video");
        var pdf = await WriteAsync(Moodboard, Demo.Client, $"{w} brief");
        await AttachAsync(pdf, "brief.pdf", "Pdf");
        var sheet = await WriteAsync(Moodboard, Demo.Client, $"{w} numbers");
        await AttachAsync(sheet, "budget.xlsx", "Document");
        var zip = await WriteAsync(Moodboard, Demo.Client, $"{w} bundle");
        await AttachAsync(zip, "assets.zip", "Archive");
        var plain = await WriteAsync(Moodboard, Demo.Client, $"{w} no file");
        var noteWithImage = await WriteAsync(Moodboard, Demo.Staff, $"{w} internal picture", visibility: "StaffOnly");
        await AttachAsync(noteWithImage, "secret.png", "Image");
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);

        Assert.Equal([image], Found(await SearchAsync(chloe, $"{w} filetype:image")));
        Assert.Equal([image], Found(await SearchAsync(chloe, $"{w} has:image")));
        Assert.Equal([image], Found(await SearchAsync(chloe, w, "&filetype=image")));
        Assert.Equal([image, noteWithImage], Found(await SearchAsync(sam, $"{w} filetype:image", staff: true)));
        Assert.Equal([video], Found(await SearchAsync(chloe, $"{w} filetype:video")));
        Assert.Equal([pdf], Found(await SearchAsync(chloe, $"{w} filetype:document")));
        Assert.Equal([sheet], Found(await SearchAsync(chloe, $"{w} filetype:spreadsheet")));
        Assert.Equal([zip], Found(await SearchAsync(chloe, $"{w} filetype:archive")));
        Assert.Equal([image, video, pdf, sheet, zip, plain], Found(await SearchAsync(chloe, w)));

        // Without words too (a filter alone lists the newest matches).
        Assert.Contains(image, Found(await SearchAsync(chloe, "filetype:image", "&sort=newest")));
        Assert.DoesNotContain(noteWithImage, Found(await SearchAsync(chloe, "filetype:image", "&sort=newest")));
    }

    [Fact]
    public async Task MessageTypeSeparatesMessagesNotesAndAutomaticRepliesAndClientsNeverGetNotes()
    {
        var w = NewWord();
        var message = await WriteAsync(Kickoff, Demo.Staff, $"{w} for everyone");
        var note = await WriteAsync(Kickoff, Demo.Staff, $"{w} for the team", visibility: "StaffOnly");
        var automatic = await WriteAsync(Kickoff, Demo.Staff, $"{w} I am away until Monday", kind: "OutOfOffice");
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);

        Assert.Equal([message], Found(await SearchAsync(sam, $"{w} type:message", staff: true)));
        Assert.Equal([note], Found(await SearchAsync(sam, $"{w} type:note", staff: true)));
        Assert.Equal([note], Found(await SearchAsync(sam, w, "&type=note", staff: true)));
        Assert.Equal([automatic], Found(await SearchAsync(sam, $"{w} type:system", staff: true)));
        Assert.Equal([message, note], Found(await SearchAsync(sam, w, staff: true)));

        Assert.Equal([message], Found(await SearchAsync(chloe, $"{w} type:message")));
        Assert.Equal([automatic], Found(await SearchAsync(chloe, $"{w} type:system")));
        var asNote = await SearchAsync(chloe, $"{w} type:note");
        Assert.Equal([message], Found(asNote));
        Assert.Contains(Warnings(asNote), x => x.Contains("type:note", StringComparison.Ordinal));
        Assert.Equal([message], Found(await SearchAsync(chloe, w, "&type=note")));
        Assert.Null((await chloe.GetPageAsync("/portal/messages/search")).QuerySelector("[data-testid=search-type] option[value=note]"));
        Assert.NotNull((await sam.GetPageAsync("/staff/messages/search")).QuerySelector("[data-testid=search-type] option[value=note]"));
    }

    [Fact]
    public async Task StatusIsForStaffAndIgnoredWithAWarningForClients()
    {
        var w = NewWord();
        var inKickoff = await WriteAsync(Kickoff, Demo.Staff, $"{w} kickoff");
        var inMoodboard = await WriteAsync(Moodboard, Demo.Staff, $"{w} moodboard");
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var before = await factory.Database.ScalarAsync<string>($"SELECT status FROM conversations WHERE id = {Id(kickoff)}");
        await factory.Database.ExecuteAsync($"UPDATE conversations SET status = 'Closed' WHERE id = {Id(kickoff)}");
        try
        {
            using var sam = await factory.SignInAsync(Demo.Staff);
            using var chloe = await factory.SignInAsync(Demo.Client);

            Assert.Equal([inKickoff], Found(await SearchAsync(sam, $"{w} status:closed", staff: true)));
            Assert.Equal([inKickoff], Found(await SearchAsync(sam, w, "&status=closed", staff: true)));
            Assert.DoesNotContain(inKickoff, Found(await SearchAsync(sam, $"{w} status:open", staff: true)));
            Assert.Contains(inMoodboard, Found(await SearchAsync(sam, $"{w} status:open", staff: true)).Concat(Found(await SearchAsync(sam, $"{w} status:waiting", staff: true))));

            var client = await SearchAsync(chloe, $"{w} status:closed");
            Assert.Equal([inKickoff, inMoodboard], Found(client));
            Assert.Contains(Warnings(client), x => x.Contains("status:", StringComparison.Ordinal));
            Assert.Equal([inKickoff, inMoodboard], Found(await SearchAsync(chloe, w, "&status=closed")));
            Assert.Null((await chloe.GetPageAsync("/portal/messages/search")).QuerySelector("[data-testid=search-status]"));
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE conversations SET status = '{before}' WHERE id = {Id(kickoff)}");
        }
    }

    [Fact]
    public async Task WithFindsConversationsSomeoneTakesPartInButNeverAnotherClientsConversation()
    {
        var w = NewWord();
        var withAda = await WriteAsync(Moodboard, Demo.Client, $"{w} moodboard");
        var kickoff = await WriteAsync(Kickoff, Demo.Staff, $"{w} kickoff");
        var carlos = await WriteAsync(Timeline, Demo.Client2, $"{w} timeline");
        var team = await WriteAsync(TeamSync, Demo.Admin, $"{w} team");
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);

        Assert.Equal([withAda], Found(await SearchAsync(chloe, $"{w} with:ada")));
        Assert.Equal([withAda], Found(await SearchAsync(chloe, w, "&with=Ada")));
        Assert.Empty(Found(await SearchAsync(chloe, $"{w} with:carlos")));
        Assert.Empty(Found(await SearchAsync(chloe, $"{w} with:vic")));
        Assert.Equal([withAda, kickoff], Found(await SearchAsync(chloe, $"{w} with:chloe")));
        Assert.Equal([carlos], Found(await SearchAsync(sam, $"{w} with:carlos", staff: true)));
        Assert.Equal([withAda, team], Found(await SearchAsync(sam, $"{w} with:ada", staff: true)));
    }

    [Fact]
    public async Task CategoryNarrowsToProjectOrGeneralConversations()
    {
        var w = NewWord();
        var project = await WriteAsync(Kickoff, Demo.Staff, $"{w} project thread");
        var general = await WriteAsync(TeamSync, Demo.Admin, $"{w} general thread");
        var generalNote = await WriteAsync(TeamSync, Demo.Admin, $"{w} general note", visibility: "StaffOnly");
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);

        Assert.Equal([general, generalNote], Found(await SearchAsync(sam, $"{w} category:general", staff: true)));
        Assert.Equal([general], Found(await SearchAsync(sam, w, "&category=general&type=message", staff: true)));
        Assert.Equal([project], Found(await SearchAsync(sam, $"{w} category:project", staff: true)));
        Assert.Empty(Found(await SearchAsync(sam, $"{w} category:system", staff: true)));
        Assert.Empty(Found(await SearchAsync(chloe, $"{w} category:general")));
        Assert.Equal([project], Found(await SearchAsync(chloe, $"{w} category:project")));
    }

    [Theory]
    [InlineData("type:note")]
    [InlineData("type:note filetype:image")]
    [InlineData("with:sam category:general")]
    [InlineData("with:carlos")]
    [InlineData("type:system status:open")]
    [InlineData("category:project type:message with:\"\"")]
    public async Task NoFilterEverShowsAClientANoteOrAForeignConversation(string filters)
    {
        var w = NewWord();
        var note = await WriteAsync(Kickoff, Demo.Staff, $"{w} internal", visibility: "StaffOnly");
        await AttachAsync(note, "plan.png", "Image");
        var foreign = await WriteAsync(Timeline, Demo.Client2, $"{w} another client's");
        await AttachAsync(foreign, "their.png", "Image");
        var team = await WriteAsync(TeamSync, Demo.Staff, $"{w} staff only thread");
        using var chloe = await factory.SignInAsync(Demo.Client);

        foreach (var order in new[] { "", "&sort=newest" })
        {
            var found = Found(await SearchAsync(chloe, $"{w} {filters}", order));
            Assert.DoesNotContain(note, found);
            Assert.DoesNotContain(foreign, found);
            Assert.DoesNotContain(team, found);
        }
    }
}
