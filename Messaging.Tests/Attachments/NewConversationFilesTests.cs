using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Attachments;

/// <summary>
/// Files on the first message of a new conversation (issue 26): stored with the message that starts it, shown in
/// the thread; a refused file (wrong content, over the project's quota) shows why under the files and starts
/// nothing, leaving no blob behind; a repeated post with the same key starts one conversation.
/// </summary>
public sealed class NewConversationFilesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<string> RecipientAsync(PortalClient client)
    {
        var form = await client.GetPageAsync("/portal/messages/new");
        Assert.NotNull(form.QuerySelector("form[data-testid=new-conversation-form][enctype='multipart/form-data'] input[type=file][data-testid=new-conversation-files]"));
        return form.QuerySelector("select[name=Recipient] option")!.GetAttribute("value")!;
    }

    private static async Task<HttpResponseMessage> StartAsync(PortalClient client, string recipient, string subject, string body, IEnumerable<(string Name, byte[] Bytes)> files, Guid? key = null)
    {
        var page = await client.GetPageAsync("/portal/messages/new");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(recipient), "Recipient" },
            { new StringContent(subject), "Subject" },
            { new StringContent(body), "Body" },
            { new StringContent((key ?? Guid.NewGuid()).ToString()), "IdempotencyKey" },
        };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        return await client.Http.PostAsync("/portal/messages/new", content);
    }

    private Task<long> ConversationsAsync(string subject) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE subject = '{subject}'");

    [Fact]
    public async Task FilesSentWithTheFirstMessageAreInTheNewThread()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var recipient = await RecipientAsync(chloe);
        var subject = $"Starting with files {Guid.NewGuid():N}";
        var key = Guid.NewGuid();
        var response = await StartAsync(chloe, recipient, subject, "The logo and the numbers", [("logo.png", TestFiles.Png), ("numbers.csv", TestFiles.Csv)], key);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await StartAsync(chloe, recipient, subject, "The logo and the numbers", [("logo.png", TestFiles.Png), ("numbers.csv", TestFiles.Csv)], key);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(response.Headers.Location, again.Headers.Location);
        Assert.Equal(1L, await ConversationsAsync(subject));

        var conversation = await factory.Database.ConversationIdAsync(subject);
        var id = conversation.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(2L, await factory.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM attachments a JOIN messages m ON m.id = a.message_id
            WHERE a.conversation_id = {id} AND m.id = (SELECT min(id) FROM messages WHERE conversation_id = {id})
            """));
        var thread = await chloe.GetPageAsync($"/portal/messages/{id}");
        Assert.Equal(["logo.png", "numbers.csv"], thread.QuerySelectorAll("[data-testid=attachment-link] .attachment-name").Select(e => e.TextContent).ToList());
    }

    [Fact]
    public async Task ARefusedFileShowsWhyAndStartsNothing()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var recipient = await RecipientAsync(chloe);
        var blobs = factory.StoredBlobs().Count;
        var subject = $"Lying file {Guid.NewGuid():N}";
        var response = await StartAsync(chloe, recipient, subject, "Here it is", [("photo.png", "not a picture at all"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("photo.png", page.QuerySelector("[data-testid=files-error]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(subject, page.QuerySelector("input[name=Subject]")?.GetAttribute("value"));
        Assert.Equal(0L, await ConversationsAsync(subject));
        Assert.Equal(blobs, factory.StoredBlobs().Count);
    }

    [Fact]
    public async Task FilesOverTheProjectsQuotaStartNothingAndLeaveNoBlob()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);
        var recipient = await RecipientAsync(chloe);
        var project = recipient.Split(':')[0];
        var workspace = await factory.Database.ScalarAsync<long>($"SELECT workspace_id FROM projects WHERE id = {project}");
        var quota = await factory.Database.ScalarAsync<long>($"SELECT project_quota_bytes FROM workspaces WHERE id = {workspace}");
        var used = await factory.Database.ScalarAsync<long>($"SELECT coalesce(sum(a.size_bytes), 0)::bigint FROM attachments a JOIN conversations c ON c.id = a.conversation_id WHERE c.project_id = {project}");
        await factory.Database.ExecuteAsync($"UPDATE workspaces SET project_quota_bytes = {used + 10} WHERE id = {workspace}");
        try
        {
            var blobs = factory.StoredBlobs().Count;
            var subject = $"Over quota {Guid.NewGuid():N}";
            var response = await StartAsync(chloe, recipient, subject, "Too big for what is left", [("numbers.csv", TestFiles.Csv)]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("quota", page.QuerySelector("[data-testid=files-error]")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.Equal(0L, await ConversationsAsync(subject));
            Assert.Equal(blobs, factory.StoredBlobs().Count);
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE workspaces SET project_quota_bytes = {quota} WHERE id = {workspace}");
        }
    }
}
