using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Safety;

/// <summary>The form posts and look-ups the privacy, block and report tests share.</summary>
internal static class Safety
{
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The visible text of a response (Razor encodes apostrophes, so raw HTML is the wrong thing to search).</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).Body?.TextContent ?? "";

    public static Task<HttpResponseMessage> SetPrivacyAsync(PortalClient member, string choice) =>
        member.PostFormAsync("/account/preferences", "/account/preferences", new() { ["WhoMayStart"] = choice });

    public static Task<HttpResponseMessage> BlockAsync(PortalClient member, long memberId) =>
        member.PostFormAsync("/account/preferences", "/account/preferences?handler=Block", new() { ["MemberId"] = Id(memberId) });

    public static Task<HttpResponseMessage> UnblockAsync(PortalClient member, long memberId) =>
        member.PostFormAsync("/account/preferences", "/account/preferences?handler=Unblock", new() { ["MemberId"] = Id(memberId) });

    public static Task<HttpResponseMessage> StaffStartAsync(PortalClient staff, string subject, params long[] people)
    {
        var fields = new Dictionary<string, string>
        {
            ["Subject"] = subject,
            ["Body"] = $"First message of {subject}",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        };
        for (var i = 0; i < people.Length; i++)
        {
            fields[string.Create(CultureInfo.InvariantCulture, $"ParticipantIds[{i}]")] = Id(people[i]);
        }

        return staff.PostFormAsync("/staff/messages/new", "/staff/messages/new", fields);
    }

    public static Task<HttpResponseMessage> ClientStartAsync(PortalClient client, long projectId, long staffId, string subject) =>
        client.PostFormAsync("/portal/messages/new", "/portal/messages/new", new()
        {
            ["Recipient"] = $"{projectId}:{staffId}",
            ["Subject"] = subject,
            ["Body"] = $"First message of {subject}",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

    public static Task<HttpResponseMessage> ReplyAsync(PortalClient member, string basePath, long conversationId, string body, bool htmx = false) =>
        member.PostFormAsync($"{basePath}/{Id(conversationId)}", $"{basePath}/{Id(conversationId)}?handler=Reply", new()
        {
            ["Input.Body"] = body,
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
        }, htmx);

    public static Task<HttpResponseMessage> ReportAsync(PortalClient member, long messageId, string? reason, string? details = null, string? pageWithForm = null)
    {
        var fields = new Dictionary<string, string>();
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        if (details is not null)
        {
            fields["Details"] = details;
        }

        return member.PostFormAsync(pageWithForm ?? "/account/preferences", $"/messages/report/{Id(messageId)}", fields);
    }

    public static Task<long> ConversationCountAsync(this TestDatabase db, string subject) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM conversations WHERE subject = '{subject.Replace("'", "''", StringComparison.Ordinal)}'");

    public static Task<long> ProjectIdAsync(this TestDatabase db, string name) =>
        db.ScalarAsync<long>($"SELECT id FROM projects WHERE name = '{name}'");

    /// <summary>The newest message with this text in its body.</summary>
    public static Task<long> MessageIdAsync(this TestDatabase db, string bodyContains) =>
        db.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE body LIKE '%{bodyContains.Replace("'", "''", StringComparison.Ordinal)}%'");

    /// <summary>A member of another workspace, for foreign-id checks.</summary>
    public static Task<long> ForeignMemberIdAsync(this TestDatabase db) =>
        db.ScalarAsync<long>("""
            WITH w AS (INSERT INTO workspaces (name, messages_enabled, created_at) VALUES ('Other Co', true, now()) RETURNING id),
                 u AS (INSERT INTO "AspNetUsers" ("Id", "UserName", "Email", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                       VALUES (gen_random_uuid(), 'olga' || gen_random_uuid() || '@other.example', 'olga@other.example', true, false, false, true, 0) RETURNING "Id")
            INSERT INTO members (workspace_id, user_id, display_name, kind, is_active, created_at)
            SELECT w.id, u."Id", 'Olga Other', 'Client', true, now() FROM w, u RETURNING id
            """);

    public static void AssertRedirect(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
    }
}
