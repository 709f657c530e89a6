using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Scheduling;

public sealed record EditScheduledMessageCommand(long ConversationId, long ScheduledId, string? Body, DateTimeOffset? SendAt);

/// <summary>
/// Changes the text or time of one's own message while it is still waiting. The update only applies to
/// a row still <see cref="ScheduledMessageStatus.Pending"/>, so an edit racing the dispatcher either
/// lands before the claim or is refused with a clear message; it never changes a message being sent.
/// </summary>
public sealed class EditScheduledMessage(MessagingDbContext db, TimeProvider clock)
{
    public const string TooLate = "This message is already being sent or was cancelled; it can no longer be changed.";

    public async Task<Result<long>> HandleAsync(CurrentMember me, EditScheduledMessageCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        var writable = await ScheduleRules.WritableAsync(db, me, command.ConversationId, ct);
        if (writable.Failure == FailureKind.NotFound
            || !await db.ScheduledMessages.AsNoTracking().Own(me, command.ConversationId, command.ScheduledId).AnyAsync(ct))
        {
            return Result<long>.NotFound();
        }

        if (!writable.Succeeded)
        {
            return new Result<long>(0, writable.Failure, writable.Field, writable.Error);
        }

        if (MessageBodyRules.Validate(command.Body) is { } bodyError)
        {
            return Result<long>.Invalid(ScheduleRules.BodyField, bodyError);
        }

        var now = clock.GetUtcNow();
        if (ScheduleRules.ValidateTime(command.SendAt, now) is { } timeError)
        {
            return Result<long>.Invalid(ScheduleRules.TimeField, timeError);
        }

        var body = MessageBodyRules.Normalize(command.Body!);
        var sendAt = command.SendAt!.Value.ToUniversalTime();
        var changed = await db.ScheduledMessages
            .Own(me, command.ConversationId, command.ScheduledId)
            .Where(s => s.Status == ScheduledMessageStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Body, body).SetProperty(x => x.SendAt, sendAt).SetProperty(x => x.UpdatedAt, now), ct);
        return changed == 1 ? Result<long>.Ok(command.ScheduledId) : Result<long>.Invalid(ScheduleRules.BodyField, TooLate);
    }
}
