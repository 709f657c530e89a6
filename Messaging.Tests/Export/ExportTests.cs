using System.IO.Compression;
using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Web.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Export;

/// <summary>Exporting conversations to CSV and PDF: what is in them (and never in a client's), date ranges, stamps and verification, jobs, bulk, audit.</summary>
public sealed class ExportTests(ExportFactory factory) : IClassFixture<ExportFactory>
{
    private static readonly DateTimeOffset March = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);

    private async Task<(long Conversation, string Marker)> ThreadWithHistoryAsync()
    {
        var conversation = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var question = await factory.Database.AddMessageAsync(conversation, "Chloe Client", $"March question {marker} with \"quotes\", commas\nand a line break — Ωμέγα Привет 你好 🎉", March);
        await factory.Database.AddMessageAsync(conversation, "Sam Staff", $"Internal March note {marker}", March.AddHours(1), "StaffOnly");
        await factory.Database.AddMessageAsync(conversation, "Sam Staff", $"April answer {marker}", March.AddDays(30));
        await factory.AttachAsync(question, $"scope-{marker}.pdf", TestFiles.Pdf);
        return (conversation, marker);
    }

    [Fact]
    public async Task ACsvExportParsedBackMatchesTheDatabaseRowForRowWithoutInternalNotesForAClient()
    {
        var (conversation, marker) = await ThreadWithHistoryAsync();
        var edited = await factory.Database.AddMessageAsync(conversation, "Chloe Client", $"edited {marker}", March.AddDays(2));
        await factory.Database.ExecuteAsync($"UPDATE messages SET edited_at = '2025-03-12T10:00:00Z' WHERE id = {edited}");
        var deleted = await factory.Database.AddMessageAsync(conversation, "Chloe Client", $"deleted {marker}", March.AddDays(3));
        await factory.Database.ExecuteAsync($"UPDATE messages SET deleted_at = now(), body = '' WHERE id = {deleted}");
        await factory.AttachAsync(edited, "brief v2.pdf", TestFiles.Pdf);
        var formula = await factory.Database.AddMessageAsync(conversation, "Chloe Client", "=HYPERLINK(\"http://evil.example\")", March.AddDays(4));
        await factory.Database.ExecuteAsync("UPDATE workspaces SET time_zone = 'Europe/Berlin'");
        using var client = await factory.SignInAsync(Demo.Client);

        using var response = await client.Http.GetAsync($"/exports/conversation/{conversation}?format=csv&notes=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ExportTestKit.ParseCsv(bytes);
        var expected = await ExpectedRowsAsync(conversation, "AND m.visibility = 'Everyone'");
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (id, sentAt, author, kind, body, isDeleted) = expected[i];
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[i]["message_id"]);
            Assert.Equal(conversation.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[i]["conversation_id"]);
            Assert.Equal("Spring campaign kickoff", rows[i]["subject"]);
            Assert.Equal(sentAt.UtcDateTime, DateTimeOffset.Parse(rows[i]["sent_at_utc"], System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
            Assert.Equal(author, rows[i]["sender_name"]);
            Assert.Equal(kind == "Staff" ? "staff" : "client", rows[i]["sender_kind"]);
            Assert.Equal("everyone", rows[i]["visibility"]);
            Assert.Equal(isDeleted ? "" : "=+-@\t\r".Contains(body[0], StringComparison.Ordinal) ? "'" + body : body, rows[i]["body"]);
            Assert.Equal(isDeleted ? "deleted" : "", rows[i]["deleted"]);
        }

        Assert.DoesNotContain(rows, r => r["body"].Contains("Internal", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", rows.Single(r => r["message_id"] == formula.ToString(System.Globalization.CultureInfo.InvariantCulture))["body"]);
        var question = rows.Single(r => r["body"].StartsWith($"March question {marker}", StringComparison.Ordinal));
        Assert.Contains("Ωμέγα Привет 你好 🎉", question["body"], StringComparison.Ordinal);
        Assert.Equal("2025-03-10T10:30:00+01:00", question["sent_at_local"]);
        var editedRow = rows.Single(r => r["message_id"] == edited.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2025-03-12T10:00:00Z", editedRow["edited_at_utc"]);
        Assert.Equal("brief v2.pdf", editedRow["attachments"]);
        await factory.Database.ExecuteAsync("UPDATE workspaces SET time_zone = 'UTC'");
    }

    private async Task<List<(long Id, DateTimeOffset SentAt, string Author, string Kind, string Body, bool Deleted)>> ExpectedRowsAsync(long conversation, string filter)
    {
        var rows = new List<(long, DateTimeOffset, string, string, string, bool)>();
        await using var connection = new Npgsql.NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"""
            SELECT m.id, m.created_at, a.display_name, a.kind, m.body, m.deleted_at IS NOT NULL
            FROM messages m JOIN members a ON a.id = m.author_member_id
            WHERE m.conversation_id = {conversation} AND m.kind = 'Text' {filter} ORDER BY m.id
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5)));
        }

        return rows;
    }

    [Fact]
    public async Task StaffChooseWhetherInternalNotesAreInTheirExportAndTheyAreLabelledInternal()
    {
        var (conversation, marker) = await ThreadWithHistoryAsync();
        using var staff = await factory.SignInAsync(Demo.Staff);

        var without = ExportTestKit.ParseCsv(await staff.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=csv"));
        var with = ExportTestKit.ParseCsv(await staff.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=csv&notes=true"));

        Assert.DoesNotContain(without, r => r["body"].Contains($"Internal March note {marker}", StringComparison.Ordinal));
        var note = Assert.Single(with, r => r["body"] == $"Internal March note {marker}");
        Assert.Equal("internal", note["visibility"]);
        Assert.Equal("staff", note["sender_kind"]);
        var pdf = await ExportTestKit.PdfTextAsync(await staff.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=pdf&notes=true&from=2025-03-01&to=2025-03-31"));
        Assert.Contains($"Internal March note {marker}", pdf, StringComparison.Ordinal);
        Assert.Contains("Internal note", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientsPdfHasTheMessagesOfTheRangeTheRangeItselfAndNoInternalNotes()
    {
        var (conversation, marker) = await ThreadWithHistoryAsync();
        using var client = await factory.SignInAsync(Demo.Client);

        using var response = await client.Http.GetAsync($"/exports/conversation/{conversation}?format=pdf&notes=true&from=2025-03-01&to=2025-03-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = await ExportTestKit.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Spring campaign kickoff", text, StringComparison.Ordinal);
        Assert.Contains($"March question {marker}", text, StringComparison.Ordinal);
        Assert.Contains("Ωμέγα Привет", text, StringComparison.Ordinal);
        Assert.Contains("你好 🎉", text, StringComparison.Ordinal);
        Assert.Contains("2025-03-01 – 2025-03-31", text, StringComparison.Ordinal);
        Assert.Contains("Chloe Client", text, StringComparison.Ordinal);
        Assert.Contains($"scope-{marker}.pdf", text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestFiles.Pdf))[..32], text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
        Assert.Matches("Content SHA-256 [0-9a-f]{64}", text);
        Assert.DoesNotContain($"April answer {marker}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("budget is tight", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStampVerifiesAndFailsAfterAOneByteChangeAndOtherFilesAreNotExports()
    {
        var (conversation, _) = await ThreadWithHistoryAsync();
        using var client = await factory.SignInAsync(Demo.Client);
        using var anonymous = factory.NewClient();
        var pdf = await client.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=pdf");
        var csv = await client.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=csv");

        Assert.Equal("Matches", await anonymous.VerifyOutcomeAsync(pdf, "t.pdf"));
        Assert.Equal("Matches", await anonymous.VerifyOutcomeAsync(csv, "t.csv"));
        var stamp = await factory.Database.ScalarAsync<string>($"SELECT content_sha256 FROM export_records WHERE file_sha256 = '{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))}'");
        Assert.Contains(stamp, await ExportTestKit.PdfTextAsync(pdf), StringComparison.Ordinal);

        var changedPdf = (byte[])pdf.Clone();
        changedPdf[pdf.Length / 2] ^= 1;
        var changedCsv = (byte[])csv.Clone();
        changedCsv[^3] ^= 1;
        Assert.Equal("DoesNotMatch", await anonymous.VerifyOutcomeAsync(changedPdf, "t.pdf"));
        Assert.Equal("DoesNotMatch", await anonymous.VerifyOutcomeAsync(changedCsv, "t.csv"));

        using var png = await anonymous.VerifyAsync(TestFiles.Png, "photo.png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, png.StatusCode);
        Assert.Contains("This is not an export", await png.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var empty = await anonymous.VerifyAsync([], "empty.pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Choose the PDF or CSV file", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var large = await anonymous.VerifyAsync(new byte[1_048_577], "large.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Fact]
    public async Task AnEndDateBeforeTheStartDateOrABadDateOrFormatIsRefusedWithAClearMessageAndNothingIsExported()
    {
        var conversation = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var client = await factory.SignInAsync(Demo.Client);
        var audited = await AuditCountAsync();

        var backwards = await client.GetPageAsync($"/exports/conversation/{conversation}?format=csv&from=2025-03-31&to=2025-03-01", HttpStatusCode.UnprocessableEntity);
        var badDate = await client.GetPageAsync($"/exports/conversation/{conversation}?format=csv&from=31.03.2025", HttpStatusCode.UnprocessableEntity);
        var badFormat = await client.GetPageAsync($"/exports/conversation/{conversation}?format=docx", HttpStatusCode.UnprocessableEntity);

        Assert.Equal("The end date (2025-03-01) is before the start date (2025-03-31). Choose an end date on or after the start date.",
            backwards.QuerySelector("[data-testid=export-error]")!.TextContent);
        Assert.Equal("2025-03-31", backwards.QuerySelector("[data-testid=export-from]")!.GetAttribute("value"));
        Assert.Equal("Enter dates as YYYY-MM-DD.", badDate.QuerySelector("[data-testid=export-error]")!.TextContent);
        Assert.Equal("Choose PDF or CSV.", badFormat.QuerySelector("[data-testid=export-error]")!.TextContent);
        Assert.Equal(audited, await AuditCountAsync());
    }

    [Fact]
    public async Task AConversationTheMemberMayNotSeeIsNotFoundForEveryWayOfExportingIt()
    {
        var own = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var others = await factory.Database.ConversationIdAsync("Launch timeline");
        var (foreign, _, _) = await factory.Database.AddForeignWorkspaceAsync();
        using var client = await factory.SignInAsync(Demo.Client);
        using var admin = await factory.SignInAsync(Demo.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/exports/conversation/{others}?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/exports/conversation/{others}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/exports/conversation/{foreign}?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/exports/conversation/99999999?format=csv")).StatusCode);
        await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = false");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/exports/conversation/{own}?format=csv")).StatusCode);
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = true");
        }

        using var bulk = await client.PostPairsAsync("/portal/messages", "/portal/messages?p=1&handler=Export",
            [new("ids", $"{own}"), new("ids", $"{others}"), new("format", "csv")]);
        Assert.Equal(HttpStatusCode.NotFound, bulk.StatusCode);
    }

    [Fact]
    public async Task AStartAfterTheEndOnAConversationTheMemberMayNotSeeIsNotFoundNotAnError()
    {
        var others = await factory.Database.ConversationIdAsync("Launch timeline");
        using var client = await factory.SignInAsync(Demo.Client);

        using var form = await client.Http.GetAsync($"/exports/conversation/{others}?from=2025-03-31&to=2025-03-01");
        using var csv = await client.Http.GetAsync($"/exports/conversation/{others}?format=csv&from=2025-03-31&to=2025-03-01");
        using var badDate = await client.Http.GetAsync($"/exports/conversation/{others}?format=csv&from=31.03.2025");

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badDate.StatusCode);
    }

    [Fact]
    public async Task DatesAtTheEndsOfTheCalendarAreRefusedWithAClearMessageAndNothingIsExported()
    {
        var conversation = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var client = await factory.SignInAsync(Demo.Client);
        var audited = await AuditCountAsync();

        var lastDay = await client.GetPageAsync($"/exports/conversation/{conversation}?format=csv&to=9999-12-31", HttpStatusCode.UnprocessableEntity);
        var firstDay = await client.GetPageAsync($"/exports/conversation/{conversation}?format=csv&from=0001-01-01", HttpStatusCode.UnprocessableEntity);
        using var bulk = await client.PostPairsAsync("/portal/messages", "/portal/messages?p=1&handler=Export",
            [new("ids", $"{conversation}"), new("format", "csv"), new("to", "9999-12-31")]);

        Assert.Equal("The end date (9999-12-31) is out of range. Choose a date between 0001-01-02 and 9999-12-30.",
            lastDay.QuerySelector("[data-testid=export-error]")!.TextContent);
        Assert.Equal("The start date (0001-01-01) is out of range. Choose a date between 0001-01-02 and 9999-12-30.",
            firstDay.QuerySelector("[data-testid=export-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bulk.StatusCode);
        Assert.Equal(audited, await AuditCountAsync());
    }

    [Fact]
    public async Task AnExportOfMoreThan2000MessagesRunsAsABackgroundJobWhoseFileOnlyItsOwnerCanDownload()
    {
        var conversation = await factory.Database.ConversationIdAsync("Catalogue wrap-up");
        await factory.Database.ExecuteAsync($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, kind, priority, created_at)
            SELECT c.workspace_id, c.id, m.id, 'bulk line ' || g, 'Everyone', 'Text', 'Normal', '2024-01-01'::timestamptz + g * interval '1 minute'
            FROM conversations c, members m, generate_series(1, 2100) g WHERE c.id = {conversation} AND m.display_name = 'Chloe Client'
            """);
        using var client = await factory.SignInAsync(Demo.Client);
        using var other = await factory.SignInAsync(Demo.Client2);

        using var queued = await client.Http.GetAsync($"/exports/conversation/{conversation}?format=csv");
        var page = await client.GetPageAsync(queued.Headers.Location!.ToString());
        Assert.NotNull(page.QuerySelector("[data-testid=export-job]"));
        var rows = ExportTestKit.ParseCsv(await client.DownloadJobAsync(queued));

        Assert.Equal(await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {conversation} AND visibility = 'Everyone'"), rows.Count);
        Assert.Contains(rows, r => r["body"] == "bulk line 2100");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"{queued.Headers.Location}?handler=Download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(queued.Headers.Location!.ToString())).StatusCode);
        var jobs = await client.GetPageAsync("/exports");
        Assert.NotEmpty(jobs.QuerySelectorAll("[data-testid=export-job-row]"));
    }

    [Fact]
    public async Task ABulkExportOfSelectedConversationsIsAZipOfVerifiablePdfsAndTheCurrentViewIsOneCsv()
    {
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var staff = await factory.SignInAsync(Demo.Staff);

        using var zipJob = await staff.PostPairsAsync("/staff/messages", "/staff/messages?p=1&handler=Export",
            [new("ids", $"{kickoff}"), new("ids", $"{moodboard}"), new("format", "pdf")]);
        using var zip = new ZipArchive(new MemoryStream(await staff.DownloadJobAsync(zipJob)));
        Assert.Equal([$"conversation-{kickoff}.pdf", $"conversation-{moodboard}.pdf"], zip.Entries.Select(e => e.Name).Order().ToArray());
        foreach (var entry in zip.Entries)
        {
            using var bytes = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(bytes);
            }

            Assert.Equal("Matches", await staff.VerifyOutcomeAsync(bytes.ToArray(), entry.Name));
        }

        var project = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = (SELECT p.name FROM projects p JOIN conversations c ON c.project_id = p.id WHERE c.subject = 'Spring campaign kickoff')");
        using var viewJob = await staff.PostFormAsync("/staff/messages", $"/staff/messages?project={project}&p=1&handler=Export", new() { ["exportScope"] = "view", ["format"] = "csv" });
        var rows = ExportTestKit.ParseCsv(await staff.DownloadJobAsync(viewJob));
        var expected = await factory.Database.ScalarAsync<long>($"SELECT count(DISTINCT conversation_id) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.project_id = {project}");
        Assert.Equal(expected, rows.Select(r => r["conversation_id"]).Distinct().Count());
        Assert.StartsWith("CSV", await factory.Database.ScalarAsync<string>("SELECT detail FROM audit_entries WHERE action = 'export' ORDER BY id DESC LIMIT 1"), StringComparison.Ordinal);

        using var nothing = await staff.PostFormAsync("/staff/messages", "/staff/messages?p=1&handler=Export", new() { ["format"] = "csv" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains("Select at least one conversation to export.", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryExportIsAuditedWithItsFormatRangeAndWhoAskedAndTheThreadShowsBothButtons()
    {
        var conversation = await factory.Database.ConversationIdAsync("Invoice question");
        using var client = await factory.SignInAsync(Demo.Client);
        var before = await AuditCountAsync();

        var thread = await client.GetPageAsync($"/portal/messages/{conversation}");
        Assert.NotNull(thread.QuerySelector("[data-testid=export-pdf]"));
        Assert.NotNull(thread.QuerySelector("[data-testid=export-csv]"));
        Assert.Null(thread.QuerySelector("[data-testid=export-notes]"));
        await client.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=csv&from=2020-01-01");
        await client.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=pdf");

        Assert.Equal(before + 2, await AuditCountAsync());
        var detail = await factory.Database.ScalarAsync<string>($"""
            SELECT detail FROM audit_entries WHERE action = 'export' AND object_id = '{conversation}'
              AND actor_member_id = (SELECT id FROM members WHERE display_name = 'Chloe Client') AND detail LIKE 'CSV%'
            """);
        Assert.Contains("from 2020-01-01", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenPdfExportsAtOnceShareOneWarmBrowser()
    {
        var conversation = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var client = await factory.SignInAsync(Demo.Client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.Http.GetAsync($"/exports/conversation/{conversation}?format=pdf")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, factory.Services.GetRequiredService<PdfRenderer>().Launches);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AnAdminSetsTheWorkspaceTimeZoneWhichExportsUseAndAnUnknownZoneIsRefused()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var conversation = await factory.Database.ConversationIdAsync("Invoice question");
        await factory.Database.AddMessageAsync(conversation, "Ada Admin", "zone check", new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));

        var refused = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=TimeZone", new() { ["timeZone"] = "Mars/Olympus" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Choose a time zone from the list.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=TimeZone", new() { ["timeZone"] = "America/New_York" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            var rows = ExportTestKit.ParseCsv(await admin.Http.GetByteArrayAsync($"/exports/conversation/{conversation}?format=csv&from=2025-07-01&to=2025-07-01"));
            Assert.Equal("2025-07-01T08:00:00-04:00", Assert.Single(rows)["sent_at_local"]);
            Assert.Equal("time zone: UTC → America/New_York", await factory.Database.ScalarAsync<string>("SELECT detail FROM audit_entries WHERE action = 'setting.change' ORDER BY id DESC LIMIT 1"));
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET time_zone = 'UTC'");
        }
    }

    [Fact]
    public async Task ALinkFromAnotherSiteOnlyOpensTheExportFormAndExportsNothing()
    {
        var conversation = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var client = await factory.SignInAsync(Demo.Client);
        var before = await AuditCountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/exports/conversation/{conversation}?format=csv");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=export-form]"));
        Assert.Equal(before, await AuditCountAsync());
    }

    private Task<long> AuditCountAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'export'");
}

/// <summary>A server whose Chromium is missing: the page says PDF export is unavailable, and CSV still works.</summary>
public sealed class ExportWithoutChromiumTests(NoChromiumFactory factory) : IClassFixture<NoChromiumFactory>
{
    [Fact]
    public async Task ThePageSaysPdfExportIsUnavailableAndCsvStillWorks()
    {
        var conversation = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var client = await factory.SignInAsync(Demo.Client);

        var thread = await client.GetPageAsync($"/portal/messages/{conversation}");
        var refused = await client.GetPageAsync($"/exports/conversation/{conversation}?format=pdf", HttpStatusCode.ServiceUnavailable);
        using var csv = await client.Http.GetAsync($"/exports/conversation/{conversation}?format=csv");

        Assert.True(thread.QuerySelector("[data-testid=export-pdf]")!.HasAttribute("disabled"));
        Assert.Equal(PdfRenderer.UnavailableMessage, thread.QuerySelector("[data-testid=pdf-unavailable]")!.TextContent);
        Assert.Equal(PdfRenderer.UnavailableMessage, refused.QuerySelector("[data-testid=export-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.NotEmpty(ExportTestKit.ParseCsv(await csv.Content.ReadAsByteArrayAsync()));
    }
}
