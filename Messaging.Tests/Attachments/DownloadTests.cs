using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Attachments;

/// <summary>Downloading and previewing files: only for those who may read the message, with safe headers, audited, and gone the moment the message is deleted.</summary>
public sealed class DownloadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<long> MessageInAsync(string subject, string author, string visibility = "Everyone")
    {
        var conversation = await factory.Database.ConversationIdAsync(subject);
        return await factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, kind, created_at)
            SELECT c.workspace_id, c.id, m.id, 'files attached', '{visibility}', 'Text', now() FROM conversations c, members m
            WHERE c.id = {conversation} AND m.display_name = '{author}' RETURNING id
            """);
    }

    [Fact]
    public async Task AParticipantDownloadsTheSameBytesAsAnAttachmentWithSafeHeadersAndItIsAudited()
    {
        var message = await MessageInAsync("Moodboard feedback", "Sam Staff");
        var file = await factory.AttachAsync(message, "Résumé 2026 – final.pdf", TestFiles.Pdf);
        using var client = await factory.SignInAsync(Demo.Client);

        using var response = await client.Http.GetAsync($"/files/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestFiles.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Résumé 2026 – final.pdf", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''R%C3%A9sum%C3%A9%202026%20%E2%80%93%20final.pdf", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE action = 'file.download' AND object_type = 'attachment' AND object_id = '{file}' AND actor_member_id = (SELECT id FROM members WHERE display_name = 'Chloe Client')"));
    }

    [Fact]
    public async Task SomeoneWhoIsNotInTheConversationGets404AndNothingIsAudited()
    {
        var message = await MessageInAsync("Moodboard feedback", "Sam Staff");
        var file = await factory.AttachAsync(message, "palette.png", TestFiles.Png);
        using var otherClient = await factory.SignInAsync(Demo.Client2);

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.Http.GetAsync($"/files/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.Http.GetAsync($"/files/{file}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.Http.GetAsync($"/files/{file + 100_000}")).StatusCode);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'file.download' AND object_id = '{file}'"));
    }

    [Fact]
    public async Task AFileInAnotherWorkspaceIs404EvenForAnAdmin()
    {
        var (conversation, _, _) = await factory.Database.AddForeignWorkspaceAsync();
        var message = await factory.Database.ScalarAsync<long>($"SELECT id FROM messages WHERE conversation_id = {conversation}");
        var file = await factory.AttachAsync(message, "foreign.pdf", TestFiles.Pdf);
        using var admin = await factory.SignInAsync(Demo.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/files/{file}")).StatusCode);
    }

    [Fact]
    public async Task AFileOnAnInternalNoteNeverReachesAClient()
    {
        var note = await MessageInAsync("Moodboard feedback", "Sam Staff", "StaffOnly");
        var file = await factory.AttachAsync(note, "internal-costs.csv", TestFiles.Csv);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/files/{file}")).StatusCode);
        Assert.DoesNotContain("internal-costs.csv", await (await client.Http.GetAsync($"/portal/messages/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("internal-costs.csv", await (await client.Http.GetAsync($"/portal/messages/{id}/files")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync($"/files/{file}")).StatusCode);
        Assert.Contains("internal-costs.csv", await (await staff.Http.GetAsync($"/staff/messages/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesOfADeletedOrHiddenMessageStopBeingDownloadableAtOnce()
    {
        var deleted = await MessageInAsync("Moodboard feedback", "Sam Staff");
        var hidden = await MessageInAsync("Moodboard feedback", "Sam Staff");
        var deletedFile = await factory.AttachAsync(deleted, "deleted.csv", TestFiles.Csv);
        var hiddenFile = await factory.AttachAsync(hidden, "hidden.png", TestFiles.Png);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        using var client = await factory.SignInAsync(Demo.Client);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/files/{deletedFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/files/{hiddenFile}/preview")).StatusCode);

        await factory.Database.ExecuteAsync($"UPDATE messages SET deleted_at = now() WHERE id = {deleted}");
        await factory.Database.ExecuteAsync($"UPDATE messages SET hidden_at = now() WHERE id = {hidden}");

        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/files/{deletedFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/files/{hiddenFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/files/{hiddenFile}/preview")).StatusCode);
        var files = await client.GetPageAsync($"/portal/messages/{id}/files");
        Assert.DoesNotContain(files.QuerySelectorAll("[data-testid=file-row]"), r => r.TextContent.Contains("deleted.csv", StringComparison.Ordinal) || r.TextContent.Contains("hidden.png", StringComparison.Ordinal));
        var thread = await client.GetPageAsync($"/portal/messages/{id}");
        Assert.Empty(thread.QuerySelectorAll($"[data-message-id='{hidden}'] [data-testid=attachment-link]"));
    }

    [Fact]
    public async Task AnImagePreviewsInlineWithItsOwnTypeAndOtherFilesNeverDo()
    {
        var message = await MessageInAsync("Moodboard feedback", "Sam Staff");
        var image = await factory.AttachAsync(message, "swatch.png", TestFiles.Png);
        var text = await factory.AttachAsync(message, "swatch.txt", "<html><script>alert(1)</script></html>"u8.ToArray());
        using var client = await factory.SignInAsync(Demo.Client);

        using var preview = await client.Http.GetAsync($"/files/{image}/preview");
        using var textPreview = await client.Http.GetAsync($"/files/{text}/preview");
        using var textDownload = await client.Http.GetAsync($"/files/{text}");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", preview.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(TestFiles.Png, await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, textPreview.StatusCode);
        Assert.Equal("attachment", textDownload.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("text/plain", textDownload.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'file.download' AND object_id = '{image}' AND detail LIKE '%inline preview%'"));
    }

    [Fact]
    public async Task WithTheMessagesModuleOffFilesAre404()
    {
        var message = await MessageInAsync("Moodboard feedback", "Sam Staff");
        var file = await factory.AttachAsync(message, "module.csv", TestFiles.Csv);
        using var client = await factory.SignInAsync(Demo.Client);
        await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = false");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/files/{file}")).StatusCode);
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = true");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/files/{file}")).StatusCode);
    }
}
