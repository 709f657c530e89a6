using System.Globalization;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Inbox;

/// <summary>The inbox's form posts, as the thread panel and the inbox list send them.</summary>
public static class InboxPosts
{
    public static string Str(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> AssignAsync(this PortalClient who, long conversation, long? member, bool htmx = true) =>
        who.PostFormAsync($"/staff/messages/{Str(conversation)}", $"/staff/inbox/{Str(conversation)}?handler=Assign",
            new() { ["memberId"] = member is { } m ? Str(m) : "" }, htmx);

    public static Task<HttpResponseMessage> SetStatusAsync(this PortalClient who, long conversation, string status) =>
        who.PostFormAsync($"/staff/messages/{Str(conversation)}", $"/staff/inbox/{Str(conversation)}?handler=Status", new() { ["status"] = status }, htmx: true);

    public static Task<HttpResponseMessage> TagAsync(this PortalClient who, long conversation, long tag, bool add = true) =>
        who.PostFormAsync($"/staff/messages/{Str(conversation)}", $"/staff/inbox/{Str(conversation)}?handler=Tag",
            new() { ["tagId"] = Str(tag), ["add"] = add ? "true" : "false" }, htmx: true);

    public static Task<HttpResponseMessage> ReplyAsync(this PortalClient who, string area, long conversation, string body, string handler = "Reply") =>
        who.PostFormAsync($"/{area}/messages/{Str(conversation)}", $"/{area}/messages/{Str(conversation)}?handler={handler}",
            new() { ["Input.Body"] = body, ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() }, htmx: true);

    public static Task<string> StatusAsync(this TestDatabase db, long conversation) =>
        db.ScalarAsync<string>($"SELECT status FROM conversations WHERE id = {Str(conversation)}");

    public static async Task<List<string>> InboxSubjectsAsync(this PortalClient who, string query) =>
        (await who.GetPageAsync("/staff/inbox?" + query)).QuerySelectorAll("[data-testid=inbox-row] .conv-subject").Select(e => e.TextContent).ToList();

    public static async Task<Dictionary<string, int>> InboxCountsAsync(this PortalClient who, string query = "") =>
        (await who.GetPageAsync("/staff/inbox?" + query)).QuerySelectorAll("[data-testid=inbox-view]")
            .ToDictionary(v => v.GetAttribute("data-view")!, v => int.Parse(v.QuerySelector("[data-testid=inbox-count]")!.TextContent, CultureInfo.InvariantCulture));
}
