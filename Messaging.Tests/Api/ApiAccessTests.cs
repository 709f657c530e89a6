using System.Net;
using Messaging.Core.Access;
using Messaging.Core.Api;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Api;

/// <summary>Who the API lets in, as whom, and what it answers to everyone else: ProblemDetails, never a page, never a 500.</summary>
public sealed class ApiAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<long> KickoffAsync() => await factory.Database.ConversationIdAsync("Spring campaign kickoff");

    [Fact]
    public async Task ARequestWithoutATokenAnswers401WithABearerChallenge()
    {
        using var api = factory.ApiClient(null);
        using var response = await api.GetAsync("/api/v1/conversations");
        await response.AssertProblemAsync(401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("mpat_not-a-real-token-at-all-00000000000000000")]
    [InlineData("something else")]
    public async Task AnUnknownTokenAnswers401(string token)
    {
        using var api = factory.ApiClient(token);
        using var response = await api.GetAsync("/api/v1/me");
        var problem = await response.AssertProblemAsync(401);
        Assert.Contains("not valid", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionCookieDoesNotOpenTheApi()
    {
        using var browser = await factory.SignInAsync(Demo.Client);
        using var response = await browser.Http.GetAsync("/api/v1/me");
        await response.AssertProblemAsync(401);
    }

    [Fact]
    public async Task ATokenActsAsItsMemberAndItsScope()
    {
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Viewer, ApiTokenScope.Read));
        var me = await (await api.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(await factory.Database.MemberIdAsync(Demo.Viewer), me.GetProperty("memberId").GetInt64());
        Assert.Equal("Viewer", me.GetProperty("role").GetString());
        Assert.Equal("Read", me.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task ARevokedTokenAnswers401()
    {
        var token = await factory.CreateTokenAsync(Demo.Client);
        using var api = factory.ApiClient(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        await factory.Database.ExecuteAsync($"UPDATE api_tokens SET revoked_at = now() WHERE token_hash = '{ApiTokenSecrets.Hash(token)}'");

        var problem = await (await api.GetAsync("/api/v1/me")).AssertProblemAsync(401);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredTokenAnswers401()
    {
        var token = await factory.CreateTokenAsync(Demo.Client, days: 7);
        await factory.Database.ExecuteAsync($"UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = '{ApiTokenSecrets.Hash(token)}'");
        using var api = factory.ApiClient(token);

        var problem = await (await api.GetAsync("/api/v1/conversations")).AssertProblemAsync(401);
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeactivatedMembersTokenAnswers401()
    {
        var member = await factory.AddMemberAsync("leaver@test.local", "Lee Leaver", MemberKind.Staff, StaffRole.Manager);
        var token = await factory.CreateTokenAsync(member);
        await factory.Database.ExecuteAsync($"UPDATE members SET is_active = false WHERE id = {member}");
        using var api = factory.ApiClient(token);

        await (await api.GetAsync($"/api/v1/conversations/{await KickoffAsync()}")).AssertProblemAsync(401);
    }

    [Fact]
    public async Task AReadOnlyTokenCannotSendAndNothingIsStored()
    {
        var conversation = await KickoffAsync();
        var before = await factory.Database.MessageCountAsync(conversation);
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client, ApiTokenScope.Read));

        using var response = await api.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { body = "read-only tokens may not write" });

        var problem = await response.AssertProblemAsync(403);
        Assert.Contains("only read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.MessageCountAsync(conversation));
    }

    [Fact]
    public async Task AViewersReadWriteTokenIsStillRefusedSendingAsOnThePages()
    {
        var conversation = await KickoffAsync();
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Viewer, ApiTokenScope.ReadWrite));
        using var response = await api.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { body = "viewers read" });
        await response.AssertProblemAsync(403);
    }

    [Fact]
    public async Task ATokenOfAnotherWorkspaceSeesAndWritesNothingHere()
    {
        var here = await KickoffAsync();
        var (foreignConversation, _, foreignMember) = await factory.Database.AddForeignWorkspaceAsync();
        var count = await factory.Database.MessageCountAsync(here);
        var message = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {here}");
        using var api = factory.ApiClient(await factory.CreateTokenAsync(foreignMember));

        // The token acts as the foreign membership (the same person's older one here is not used).
        var me = await (await api.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(foreignMember, me.GetProperty("memberId").GetInt64());
        var list = await (await api.GetAsync("/api/v1/conversations")).JsonAsync();
        Assert.Equal([foreignConversation], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList());

        await (await api.GetAsync($"/api/v1/conversations/{here}")).AssertProblemAsync(404);
        await (await api.GetAsync($"/api/v1/conversations/{here}/messages")).AssertProblemAsync(404);
        await (await api.GetAsync($"/api/v1/messages/{message}")).AssertProblemAsync(404);
        await (await api.PostJsonAsync($"/api/v1/conversations/{here}/messages", new { body = "should never land" })).AssertProblemAsync(404);
        Assert.Equal(count, await factory.Database.MessageCountAsync(here));
    }

    [Fact]
    public async Task IdsTheMemberMayNotSeeAnswer404()
    {
        var launch = await factory.Database.ConversationIdAsync("Launch timeline"); // Chloe is not in it
        var message = await factory.Database.ScalarAsync<long>($"SELECT min(id) FROM messages WHERE conversation_id = {launch}");
        var file = await factory.AttachAsync(message, "launch.png", TestFiles.Png);
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));

        foreach (var url in new[] { $"/api/v1/conversations/{launch}", $"/api/v1/conversations/{launch}/messages", $"/api/v1/messages/{message}", $"/api/v1/attachments/{file}", "/api/v1/conversations/999999999", $"/api/v1/search?q=launch&conversationId={launch}" })
        {
            await (await api.GetAsync(url)).AssertProblemAsync(404);
        }

        await (await api.PostJsonAsync($"/api/v1/conversations/{launch}/messages", new { body = "not mine" })).AssertProblemAsync(404);
    }

    [Fact]
    public async Task AClientsTokenNeverSeesAnInternalNoteByAnyRoute()
    {
        var conversation = await KickoffAsync();
        var note = await factory.Database.ScalarAsync<long>($"SELECT id FROM messages WHERE conversation_id = {conversation} AND visibility = 'StaffOnly' ORDER BY id LIMIT 1");
        using var client = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        using var staff = factory.ApiClient(await factory.CreateTokenAsync(Demo.Staff));

        await (await client.GetAsync($"/api/v1/messages/{note}")).AssertProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/messages/{note}")).StatusCode);

        var clientIds = await ApiPaging.AllMessageIdsAsync(client, conversation);
        var staffIds = await ApiPaging.AllMessageIdsAsync(staff, conversation);
        Assert.DoesNotContain(note, clientIds);
        Assert.Contains(note, staffIds);
        Assert.DoesNotContain(note, await ApiPaging.NewerIdsAsync(client, conversation, note - 1));

        var clientSearch = await (await client.GetAsync("/api/v1/search?q=budget")).AsTextAsync();
        var staffSearch = await (await staff.GetAsync("/api/v1/search?q=budget")).AsTextAsync();
        Assert.DoesNotContain("budget", clientSearch, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("budget", staffSearch, StringComparison.OrdinalIgnoreCase);

        var clientList = await (await client.GetAsync("/api/v1/conversations")).AsTextAsync();
        Assert.DoesNotContain("budget", clientList, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithTheMessagesModuleOffTheApiAnswers404()
    {
        var token = await factory.CreateTokenAsync(Demo.Manager);
        using var api = factory.ApiClient(token);
        await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = false WHERE id = (SELECT min(id) FROM workspaces)");
        try
        {
            await (await api.GetAsync("/api/v1/conversations")).AssertProblemAsync(404);
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET messages_enabled = true WHERE id = (SELECT min(id) FROM workspaces)");
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/conversations")).StatusCode);
    }

    [Fact]
    public async Task BadInputAnswers4xxProblemsNeverAPageOrA500()
    {
        var conversation = await KickoffAsync();
        using var api = factory.ApiClient(await factory.CreateTokenAsync(Demo.Client));
        var url = $"/api/v1/conversations/{conversation}/messages";

        await (await api.GetAsync("/api/v1/no-such-route")).AssertProblemAsync(404);
        await (await api.GetAsync("/api/v1/conversations/not-a-number")).AssertProblemAsync(404);
        await (await api.GetAsync($"{url}?before=abc")).AssertProblemAsync(400);

        using var noKey = new HttpRequestMessage(HttpMethod.Post, url) { Content = TestApiTokens.JsonContent(new { body = "no key" }) };
        await (await api.SendAsync(noKey)).AssertProblemAsync(400);

        var malformed = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"body\": ", System.Text.Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await api.SendAsync(malformed)).AssertProblemAsync(400);

        await (await api.PostJsonAsync(url, new { body = "nul \0 inside" })).AssertProblemAsync(400);
        await (await api.PostJsonAsync(url, new { body = "" })).AssertProblemAsync(422);
        await (await api.PostJsonAsync(url, new { body = "a reply to nothing", replyToId = 999999999 })).AssertProblemAsync(422);
    }
}

internal static class ApiResponseText
{
    public static Task<string> AsTextAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.ReadAsStringAsync();
    }
}
