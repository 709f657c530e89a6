using System.Globalization;
using System.Text.Json.Nodes;

namespace Messaging.Core.Webhooks;

/// <summary>
/// The JSON a standard webhook is sent: <c>{"id", "type", "created_at", "workspace_id", "data"}</c>, with snake_case
/// names and ISO 8601 times in UTC (docs/webhooks.md shows each event's <c>data</c>).
/// </summary>
public static class WebhookPayloads
{
    public static string Envelope(Guid eventId, string type, DateTimeOffset at, long workspaceId, JsonObject data) =>
        new JsonObject
        {
            ["id"] = eventId.ToString(),
            ["type"] = type,
            ["created_at"] = Time(at),
            ["workspace_id"] = workspaceId,
            ["data"] = data,
        }.ToJsonString();

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? at) => at is { } t ? Time(t) : null;

    /// <summary>A member as payloads name them: id, display name and kind (staff or client); null when there is none.</summary>
    public static JsonObject? Person(long? memberId, IReadOnlyDictionary<long, (string Name, string Kind)> names) =>
        memberId is { } id
            ? new JsonObject
            {
                ["member_id"] = id,
                ["name"] = names.TryGetValue(id, out var n) ? n.Name : null,
                ["kind"] = names.TryGetValue(id, out var k) ? k.Kind.ToLowerInvariant() : null,
            }
            : null;

    /// <summary>snake_case of an enum value's name: <c>WaitingOnClient</c> is <c>waiting_on_client</c>.</summary>
    public static string Snake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
