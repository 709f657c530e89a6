using System.Net;
using System.Text;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Attachments;

/// <summary>Attaching files to a message: what is stored, and every kind of bad input refused with a clear message, nothing stored and no file left on disk.</summary>
public sealed class UploadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Moodboard = "Moodboard feedback";

    private async Task<(PortalClient Client, string Url, long Id)> ClientInAsync(string subject = Moodboard)
    {
        var id = await factory.Database.ConversationIdAsync(subject);
        return (await factory.SignInAsync(Demo.Client), $"/portal/messages/{id}", id);
    }

    private Task<long> AttachmentCountAsync() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM attachments");

    /// <summary>Runs a refused upload and checks the promise for all of them: the status, the message in the form, nothing stored, no file on disk.</summary>
    private async Task AssertRefusedAsync(Func<Task<HttpResponseMessage>> post, long conversationId, HttpStatusCode status, string expected)
    {
        var messages = await factory.Database.MessageCountAsync(conversationId);
        var attachments = await AttachmentCountAsync();
        var blobs = factory.StoredBlobs().Count;

        using var response = await post();
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, PortalClient.Parse(html).QuerySelector("[data-testid=reply-error], [data-testid=status-message]")?.TextContent ?? html, StringComparison.Ordinal);
        Assert.Equal(messages, await factory.Database.MessageCountAsync(conversationId));
        Assert.Equal(attachments, await AttachmentCountAsync());
        Assert.Equal(blobs, factory.StoredBlobs().Count);
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().Http.GetAsync("/healthz")).StatusCode);
    }

    private async Task WithSettingAsync(string assignment, Func<Task> test)
    {
        var column = assignment[..assignment.IndexOf('=', StringComparison.Ordinal)].Trim();
        var before = await factory.Database.ScalarAsync<object>($"SELECT {column}::text FROM workspaces ORDER BY id LIMIT 1");
        await factory.Database.ExecuteAsync($"UPDATE workspaces SET {assignment}");
        try
        {
            await test();
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE workspaces SET {column} = '{before}'");
        }
    }

    [Fact]
    public async Task TwoFilesAreStreamedToStorageWithTheirSha256AndShownUnderTheMessage()
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;

        var response = await client.PostFilesAsync(url, "Here are the references", [("palette.png", TestFiles.Png), ("budget.csv", TestFiles.Csv)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("messages-changed", response.Headers.GetValues("HX-Trigger"));
        var messageId = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {id}");
        Assert.Equal("Here are the references", await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {messageId}"));
        var rows = await factory.Database.ScalarAsync<string>($"SELECT string_agg(file_name || ' ' || content_type || ' ' || size_bytes || ' ' || sha256 || ' ' || category, '|' ORDER BY id) FROM attachments WHERE message_id = {messageId}");
        Assert.Equal(
            $"palette.png image/png {TestFiles.Png.Length} {TestFiles.Sha256(TestFiles.Png)} Image|budget.csv text/csv; charset=utf-8 {TestFiles.Csv.Length} {TestFiles.Sha256(TestFiles.Csv)} Text",
            rows);
        var keys = await factory.Database.ScalarAsync<string>($"SELECT string_agg(storage_key, '|' ORDER BY id) FROM attachments WHERE message_id = {messageId}");
        var onDisk = keys.Split('|').Select(k => File.ReadAllBytes(Path.Combine(factory.FilesRoot, k))).ToList();
        Assert.Equal(TestFiles.Png, onDisk[0]);
        Assert.Equal(TestFiles.Csv, onDisk[1]);

        var thread = await client.GetPageAsync(url);
        var message = thread.QuerySelector($"[data-message-id='{messageId}']")!;
        Assert.Equal(2, message.QuerySelectorAll("[data-testid=attachment-link]").Length);
        Assert.Equal("palette.png budget.csv", string.Join(" ", message.QuerySelectorAll("[data-testid=attachment-link]").Select(a => a.GetAttribute("download"))));
        Assert.StartsWith("/files/", message.QuerySelector("[data-testid=attachment-preview]")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Single(message.QuerySelectorAll("[data-testid=attachment-preview]"));
    }

    [Fact]
    public async Task AFormPostedWithoutJavaScriptStoresItsFilesAndRedirectsToTheMessage()
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;

        var response = await client.PostFilesAsync(url, "", [("brief.pdf", TestFiles.Pdf)], htmx: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var messageId = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {id}");
        Assert.EndsWith($"#m-{messageId}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("brief.pdf", await factory.Database.ScalarAsync<string>($"SELECT file_name FROM attachments WHERE message_id = {messageId}"));
        Assert.Equal("", await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {messageId}"));
    }

    [Fact]
    public async Task AFileOverTheLimitPerFileIsRefused() => await WithSettingAsync("max_file_bytes = 4096", async () =>
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "big one", [("small.csv", TestFiles.Csv), ("big.zip", TestFiles.Zip(200_000))]),
            id, HttpStatusCode.UnprocessableEntity, "“big.zip” is larger than the 4 KB allowed per file.");
    });

    [Fact]
    public async Task FilesOverTheLimitPerMessageTogetherAreRefused() => await WithSettingAsync("max_message_bytes = 300000", async () =>
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "two halves", [("a.zip", TestFiles.Zip(200_000)), ("b.zip", TestFiles.Zip(200_000))]),
            id, HttpStatusCode.UnprocessableEntity, "Together the files are larger than the 293 KB allowed per message.");
    });

    [Fact]
    public async Task ARequestLargerThanTheHttpLimitAnswers413WithTheLimit() => await WithSettingAsync("max_message_bytes = 1000", async () =>
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "huge", [("huge.zip", TestFiles.Zip(1_200_000))]),
            id, HttpStatusCode.RequestEntityTooLarge, "larger than the 1000 bytes a message may carry");
    });

    [Fact]
    public async Task ARequestThatSaysItIsTooLargeIsAnswered413BeforeItsBodyIsRead() => await WithSettingAsync("max_message_bytes = 1000", async () =>
    {
        var (client, url, _) = await ClientInAsync();
        using var __ = client;

        using var response = await client.PostFilesAsync(url, "huge", [("huge.zip", TestFiles.Zip(1_200_000))]);
        var answer = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        // The status page (from UseUploadLimits), not the thread's form: the handler never ran.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("413", answer.QuerySelector("[data-testid=status-message]")?.GetAttribute("data-status"));
        Assert.Null(answer.QuerySelector("[data-testid=reply-form]"));
    });

    [Fact]
    public async Task AnUploadWithoutContentLengthIsCutOffAtTheHttpLimitWith413() => await WithSettingAsync("max_message_bytes = 1000", async () =>
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "streamed", [("huge.zip", TestFiles.Zip(1_200_000))], chunked: true),
            id, HttpStatusCode.RequestEntityTooLarge, "larger than the 1000 bytes a message may carry");
    });

    [Fact]
    public async Task MoreThanTenFilesAreRefused()
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        var files = Enumerable.Range(1, 11).Select(i => ($"part{i}.csv", TestFiles.Csv)).ToList();
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "eleven", files), id, HttpStatusCode.UnprocessableEntity, "You can attach at most 10 files to a message.");
    }

    [Fact]
    public async Task AFileThatDoesNotFitTheProjectQuotaIsRefused()
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        var used = await factory.Database.ScalarAsync<long>("""
            SELECT coalesce(sum(a.size_bytes), 0)::bigint FROM attachments a JOIN conversations c ON c.id = a.conversation_id JOIN messages m ON m.id = a.message_id
            WHERE c.project_id = (SELECT id FROM projects WHERE name = 'Spring Campaign') AND a.purged_at IS NULL AND m.deleted_at IS NULL
            """);
        await WithSettingAsync($"project_quota_bytes = {used + 1000}", () =>
            AssertRefusedAsync(() => client.PostFilesAsync(url, "over quota", [("fits.csv", TestFiles.Csv), ("archive.zip", TestFiles.Zip(5000))]),
                id, HttpStatusCode.UnprocessableEntity, "“archive.zip” does not fit in this project's storage quota"));
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("logo.svg")]
    [InlineData("page.html")]
    [InlineData("noextension")]
    public async Task ATypeNotOnTheAllowListIsRefused(string name)
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "a file", [(name, "<svg onload=alert(1)></svg>"u8.ToArray())]),
            id, HttpStatusCode.UnprocessableEntity, "this type of file is not allowed");
    }

    [Fact]
    public async Task ATypeTheAdminTookOffTheListIsRefused() => await WithSettingAsync("allowed_file_types = 'png,pdf'", async () =>
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "a csv", [("numbers.csv", TestFiles.Csv)]),
            id, HttpStatusCode.UnprocessableEntity, "Allowed: pdf, png.");
    });

    [Theory]
    [InlineData("photo.png", "pdf", "is not really a PNG image file")]
    [InlineData("report.pdf", "zip", "is not really a PDF file")]
    [InlineData("notes.txt", "png", "is not really a Text file")]
    [InlineData("slides.docx", "pdf", "is not really a Word document file")]
    [InlineData("clip.mp4", "csv", "is not really a MP4 video file")]
    public async Task AnExtensionThatLiesAboutTheContentIsRefused(string name, string actual, string expected)
    {
        var bytes = actual switch { "pdf" => TestFiles.Pdf, "zip" => TestFiles.Zip(2000), "png" => TestFiles.Png, _ => TestFiles.Csv };
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        await AssertRefusedAsync(() => client.PostFilesAsync(url, "trust me", [("ok.csv", TestFiles.Csv), (name, bytes)]), id, HttpStatusCode.UnprocessableEntity, expected);
    }

    [Fact]
    public async Task ARefusedUploadKeepsTheTypedTextInTheForm()
    {
        var (client, url, _) = await ClientInAsync();
        using var __ = client;

        var response = await client.PostFilesAsync(url, "Please keep this text", [("bad.exe", TestFiles.Pdf)]);
        var form = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Please keep this text", form.QuerySelector("[data-testid=reply-body]")!.TextContent);
        Assert.NotNull(form.QuerySelector("input[type=file][name=files]"));
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\chloe\\notes.txt", "notes.txt")]
    [InlineData("..hidden..txt", "hidden.txt")]
    [InlineData("a\u0001b\u007f\u202Ec.txt", "abc.txt")]
    public async Task UnsafeFileNamesAreMadeSafe(string sent, string stored)
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;

        var response = await client.PostFilesAsync(url, "names", [(sent, TestFiles.Csv)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stored, await factory.Database.ScalarAsync<string>($"SELECT file_name FROM attachments WHERE conversation_id = {id} ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task AFileNameOver255BytesIsShortenedKeepingItsExtension()
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;

        await client.PostFilesAsync(url, "long", [(string.Concat(Enumerable.Repeat("é", 300)) + ".csv", TestFiles.Csv)]);
        var stored = await factory.Database.ScalarAsync<string>($"SELECT file_name FROM attachments WHERE conversation_id = {id} ORDER BY id DESC LIMIT 1");

        Assert.True(Encoding.UTF8.GetByteCount(stored) <= 255, stored);
        Assert.EndsWith("é.csv", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetriedSendWithTheSameKeyStoresOneMessageAndLeavesNoExtraFile()
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        var key = Guid.NewGuid();
        var blobs = factory.StoredBlobs().Count;

        var first = await client.PostFilesAsync(url, "once", [("once.csv", TestFiles.Csv)], key: key);
        var second = await client.PostFilesAsync(url, "once", [("once.csv", TestFiles.Csv)], key: key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {id} AND body = 'once'"));
        Assert.Equal(blobs + 1, factory.StoredBlobs().Count);
    }

    [Fact]
    public async Task SomeoneWhoCannotSeeTheConversationGets404AndNothingIsRead()
    {
        var id = await factory.Database.ConversationIdAsync(Moodboard);
        using var other = await factory.SignInAsync(Demo.Client2);
        using var owner = await factory.SignInAsync(Demo.Client);
        var token = (await owner.GetPageAsync($"/portal/messages/{id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = factory.StoredBlobs().Count;
        var otherToken = (await other.GetPageAsync("/portal/messages")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var content = new MultipartFormDataContent { { new StringContent("not yours"), "Input.Body" }, { new ByteArrayContent(TestFiles.Csv), "files", "x.csv" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/portal/messages/{id}?handler=Reply") { Content = content };
        request.Headers.Add("RequestVerificationToken", otherToken);
        request.Headers.Add("HX-Request", "true");
        var response = await other.Http.SendAsync(request);

        Assert.NotEqual(token, otherToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, factory.StoredBlobs().Count);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE body = 'not yours'"));
    }

    [Fact]
    public async Task AViewerCannotAttachFilesAndNothingIsStored()
    {
        using var viewer = await factory.SignInAsync(Demo.Viewer);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var before = factory.StoredBlobs().Count;
        var page = await viewer.GetPageAsync($"/staff/messages/{id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var content = new MultipartFormDataContent { { new StringContent("viewer file"), "Input.Body" }, { new ByteArrayContent(TestFiles.Csv), "files", "x.csv" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/staff/messages/{id}?handler=Reply") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("HX-Request", "true");
        var response = await viewer.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, factory.StoredBlobs().Count);
    }

    [Fact]
    public async Task AMultipartPostWithoutAnAntiforgeryTokenIsRejected()
    {
        var (client, url, id) = await ClientInAsync();
        using var _ = client;
        var before = factory.StoredBlobs().Count;

        var content = new MultipartFormDataContent { { new StringContent("forged"), "Input.Body" }, { new ByteArrayContent(TestFiles.Csv), "files", "x.csv" } };
        var response = await client.Http.PostAsync($"{url}?handler=Reply", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, factory.StoredBlobs().Count);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {id} AND body = 'forged'"));
    }
}
