using System.Net;
using System.Text.Json;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Api;

/// <summary>Walks a conversation's messages through the API's cursors, as a client would.</summary>
internal static class ApiPaging
{
    /// <summary>Every message id, oldest first, from the newest page back through each <c>before</c> cursor.</summary>
    public static async Task<List<long>> AllMessageIdsAsync(HttpClient api, long conversation)
    {
        var pages = new List<List<long>>();
        string? url = $"/api/v1/conversations/{conversation}/messages";
        while (url is not null)
        {
            using var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.JsonAsync();
            pages.Insert(0, Ids(page));
            url = page.GetProperty("before").ValueKind == JsonValueKind.Null ? null : $"/api/v1/conversations/{conversation}/messages?before={page.GetProperty("before").GetInt64()}";
        }

        return pages.SelectMany(p => p).ToList();
    }

    public static async Task<List<long>> NewerIdsAsync(HttpClient api, long conversation, long after)
    {
        using var response = await api.GetAsync($"/api/v1/conversations/{conversation}/messages?after={after}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ids(await response.JsonAsync());
    }

    public static List<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
}
