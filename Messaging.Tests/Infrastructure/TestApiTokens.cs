using System.Net.Http.Headers;
using System.Text.Json;
using Messaging.Core.Access;
using Messaging.Core.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Infrastructure;

/// <summary>Personal access tokens made through the app's own use case, and HTTP clients that send them as an API client would.</summary>
public static class TestApiTokens
{
    /// <summary>A token of the membership <paramref name="memberId"/> (it must be active now).</summary>
    public static async Task<string> CreateTokenAsync(this PortalFactory factory, long memberId, ApiTokenScope scope = ApiTokenScope.ReadWrite, int days = 30)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var services = factory.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<Messaging.Core.Data.MessagingDbContext>();
        var userId = await db.Members.Where(m => m.Id == memberId).Select(m => m.UserId).SingleAsync();
        var me = await services.ServiceProvider.GetRequiredService<LoadCurrentMember>().ForMembershipAsync(userId, memberId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Member {memberId} is not active.");
        var created = await services.ServiceProvider.GetRequiredService<CreateApiToken>().HandleAsync(me, new CreateApiTokenInput("test", scope, days), CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        return created.Value!.Token;
    }

    public static async Task<string> CreateTokenAsync(this PortalFactory factory, string email, ApiTokenScope scope = ApiTokenScope.ReadWrite, int days = 30)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.CreateTokenAsync(await factory.Database.MemberIdAsync(email), scope, days);
    }

    /// <summary>A client without cookies or redirects that sends <paramref name="token"/> (none when null) as a bearer token.</summary>
    public static HttpClient ApiClient(this PortalFactory factory, string? token)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = PortalFactory.BaseAddress });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>POST of a JSON body with an idempotency key (a new one unless given).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, Guid? key = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent(body) };
        request.Headers.Add("Idempotency-Key", (key ?? Guid.NewGuid()).ToString());
        return client.SendAsync(request);
    }

    public static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with the given status (and never a 500).</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }
}
