using System.Net;
using System.Net.Http.Headers;
using Messaging.Core.Api;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Api;

/// <summary>Conversations and messages through the API: cursor paging, sending with an idempotency key, files up and down.</summary>
public sealed class ApiMessagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<long> KickoffAsync() => factory.Database.ConversationIdAsync("Spring campaign kickoff");

    [Fact]
    public async Task TheConversationListIsTheMembersOwn()
    {
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client2));
        var page = await (await api.GetAsync("/api/v1/conversations")).JsonAsync();
        var subjects = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("subject").GetString()).ToList();

        Assert.Contains("Launch timeline", subjects);
        Assert.DoesNotContain("Spring campaign kickoff", subjects);
    }

    [Fact]
    public async Task TheCursorsWalkEveryReadableMessageOnceOldestFirst()
    {
        var conversation = await KickoffAsync();
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));

        var first = await (await api.GetAsync($"/api/v1/conversations/{conversation}/messages")).JsonAsync();
        Assert.Equal(30, ApiPaging.Ids(first).Count);
        var all = await ApiPaging.AllMessageIdsAsync(api, conversation);

        var expected = await factory.Database.ScalarAsync<long[]>($"SELECT array_agg(id ORDER BY id) FROM messages WHERE conversation_id = {conversation} AND visibility = 'Everyone'");
        Assert.Equal(expected, all);
        Assert.True(expected.Length > 30, "the conversation needs more than one page for this test");

        var newer = await ApiPaging.NewerIdsAsync(api, conversation, expected[^3]);
        Assert.Equal(expected[^2..], newer);
    }

    [Fact]
    public async Task SendingTwiceWithTheSameIdempotencyKeyStoresOneMessage()
    {
        var conversation = await KickoffAsync();
        var before = await factory.Database.MessageCountAsync(conversation);
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        var key = Guid.NewGuid();

        using var sent = await api.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { body = "Sent **once** <script>alert(1)</script>" }, key);
        using var again = await api.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { body = "Sent **once** <script>alert(1)</script>" }, key);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var message = await sent.JsonAsync();
        Assert.Equal(message.GetProperty("id").GetInt64(), (await again.JsonAsync()).GetProperty("id").GetInt64());
        Assert.Equal(before + 1, await factory.Database.MessageCountAsync(conversation));
        Assert.Equal($"/api/v1/messages/{message.GetProperty("id").GetInt64()}", sent.Headers.Location?.ToString());
        var html = message.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>once</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal("Everyone", message.GetProperty("visibility").GetString());
    }

    [Fact]
    public async Task AFileUploadedWithAMessageDownloadsAsTheSameBytesForReadersOnly()
    {
        var conversation = await KickoffAsync();
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        var bytes = TestFiles.Pdf;

        using var sent = await api.SendAsync(Multipart($"/api/v1/conversations/{conversation}/messages", "the brief", ("brief.pdf", bytes)));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var file = (await sent.JsonAsync()).GetProperty("attachments").EnumerateArray().Single();
        Assert.Equal("brief.pdf", file.GetProperty("fileName").GetString());
        using var download = await api.GetAsync(file.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        using var other = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client2));
        await (await other.GetAsync(file.GetProperty("url").GetString())).AssertProblemAsync(404);
    }

    [Fact]
    public async Task AReadOnlyTokenUploadsNothing()
    {
        var conversation = await KickoffAsync();
        var blobs = factory.StoredBlobs().Count;
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client, ApiTokenScope.Read));
        await (await api.SendAsync(Multipart($"/api/v1/conversations/{conversation}/messages", "no", ("no.pdf", TestFiles.Pdf)))).AssertProblemAsync(403);
        Assert.Equal(blobs, factory.StoredBlobs().Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOversizeUploadAnswers413AndLeavesNothing(bool chunked)
    {
        var conversation = await KickoffAsync();
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        var count = await factory.Database.MessageCountAsync(conversation);
        var before = await factory.Database.ScalarAsync<string>("SELECT max_message_bytes::text FROM workspaces ORDER BY id LIMIT 1");
        await factory.Database.ExecuteAsync("UPDATE workspaces SET max_message_bytes = 1000");
        try
        {
            var request = Multipart($"/api/v1/conversations/{conversation}/messages", "huge", ("huge.zip", TestFiles.Zip(1_200_000)));
            if (chunked)
            {
                request.Headers.TransferEncodingChunked = true;
                request.Content = new StreamContent(await request.Content!.ReadAsStreamAsync()) { Headers = { ContentType = request.Content.Headers.ContentType } };
            }

            await (await api.SendAsync(request)).AssertProblemAsync(413);
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE workspaces SET max_message_bytes = {before}");
        }

        Assert.Equal(count, await factory.Database.MessageCountAsync(conversation));
        Assert.DoesNotContain(factory.StoredBlobs(), b => new FileInfo(b).Length > 1_000_000);
    }

    [Fact]
    public async Task OneConversationAndOneMessageAnswerWithTheirDetails()
    {
        var conversation = await KickoffAsync();
        var message = await factory.Database.ScalarAsync<long>($"SELECT id FROM messages WHERE conversation_id = {conversation} AND body LIKE 'Answer 3:%'");
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));

        var details = await (await api.GetAsync($"/api/v1/conversations/{conversation}")).JsonAsync();
        Assert.Equal("Spring campaign kickoff", details.GetProperty("subject").GetString());
        Assert.Equal("Spring Campaign", details.GetProperty("projectName").GetString());
        var one = await (await api.GetAsync($"/api/v1/messages/{message}")).JsonAsync();
        Assert.Equal(conversation, one.GetProperty("conversationId").GetInt64());
        Assert.Contains("Answer 3", one.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchFindsOnlyWhatTheMemberMayRead()
    {
        using var client2 = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client2));
        using var client = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));

        var hits = await (await client.GetAsync("/api/v1/search?q=wardrobe")).JsonAsync();
        Assert.Contains(hits.GetProperty("items").EnumerateArray(), h => h.GetProperty("conversationSubject").GetString() == "Spring campaign kickoff");
        var none = await (await client2.GetAsync("/api/v1/search?q=wardrobe")).JsonAsync();
        Assert.Empty(none.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ProjectsFollowThePagesRules()
    {
        using var client = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        using var manager = factory.ApiClient(await factory.CreateTokenAsync(Demo.Manager));
        using var coordinator = factory.ApiClient(await factory.CreateTokenAsync(Demo.Staff));
        var spring = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Spring Campaign'");

        var mine = await (await client.GetAsync("/api/v1/projects")).JsonAsync();
        var names = mine.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Spring Campaign", names);
        Assert.DoesNotContain("Product Launch", names);
        var all = await (await manager.GetAsync("/api/v1/projects")).JsonAsync();
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("name").GetString() == "Product Launch");
        Assert.Equal("Spring Campaign", (await (await manager.GetAsync($"/api/v1/projects/{spring}")).JsonAsync()).GetProperty("name").GetString());

        await (await coordinator.GetAsync("/api/v1/projects")).AssertProblemAsync(404);
        await (await client.GetAsync($"/api/v1/projects/{spring}")).AssertProblemAsync(404);
    }

    private static HttpRequestMessage Multipart(string url, string body, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent { { new StringContent(body), "body" } };
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }
}
