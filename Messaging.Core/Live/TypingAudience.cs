using System.Globalization;
using System.Text.Json;
using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Live;

/// <summary>
/// Who learns that someone is typing (<see cref="LivePayload.Typing"/>): the others who may see the
/// conversation, and only the staff among them when it is the internal-note form; never the typist. The event
/// <c>typing-{conversation}</c> carries the typist's id and display name. Null when the typist does not exist.
/// </summary>
public sealed class TypingAudience(MessagingDbContext db)
{
    public async Task<LiveDelivery?> HandleAsync(LivePayload.Typing typing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(typing);
        var typist = await db.Members.AsNoTracking().Where(m => m.Id == typing.MemberId)
            .Select(m => new { m.WorkspaceId, m.DisplayName }).SingleOrDefaultAsync(ct);
        if (typist is null)
        {
            return null;
        }

        var visibility = typing.StaffOnly ? MessageVisibility.StaffOnly : MessageVisibility.Everyone;
        var audience = (await ConversationAccess.AudienceAsync(db, typing.ConversationId, visibility, ct)).ToHashSet();
        audience.Remove(typing.MemberId);
        var data = JsonSerializer.Serialize(new { conversationId = typing.ConversationId, memberId = typing.MemberId, name = typist.DisplayName });
        var name = string.Create(CultureInfo.InvariantCulture, $"typing-{typing.ConversationId}");
        return new LiveDelivery(typist.WorkspaceId, audience, LiveEventView.Ephemeral(name, typing.ConversationId, data));
    }
}
