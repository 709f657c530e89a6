using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Messaging.Core.Scheduling;

public sealed record ScheduleMessageCommand(long ConversationId, string? Body, DateTimeOffset? SendAt, Guid? IdempotencyKey);

/// <summary>
/// Stores a reply to be sent later. A time in the past, an empty body or a conversation the member may
/// not write in is refused and nothing is stored. The form's idempotency key makes a double-clicked
/// "Schedule" store one row, and is the key the message is eventually sent with.
/// </summary>
public sealed class ScheduleMessage(MessagingDbContext db, TimeProvider clock)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, ScheduleMessageCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);
        var writable = await ScheduleRules.WritableAsync(db, me, command.ConversationId, ct);
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

        var key = command.IdempotencyKey ?? Guid.NewGuid();
        if (await EarlierAsync(me, key, ct) is { } earlier)
        {
            return Result<long>.Ok(earlier);
        }

        var scheduled = new ScheduledMessage
        {
            WorkspaceId = writable.Value!.WorkspaceId,
            ConversationId = writable.Value.Id,
            AuthorMemberId = me.MemberId,
            Body = MessageBodyRules.Normalize(command.Body!),
            SendAt = command.SendAt!.Value.ToUniversalTime(),
            IdempotencyKey = key,
            Status = ScheduledMessageStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ScheduledMessages.Add(scheduled);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same form posted twice at once: the other request stored it.
            db.ChangeTracker.Clear();
            return await EarlierAsync(me, key, ct) is { } winner
                ? Result<long>.Ok(winner)
                : throw new InvalidOperationException("Unique violation without an earlier scheduled message to return.", ex);
        }

        return Result<long>.Ok(scheduled.Id);
    }

    private async Task<long?> EarlierAsync(CurrentMember me, Guid key, CancellationToken ct)
    {
        var ids = await db.ScheduledMessages.AsNoTracking()
            .Where(s => s.AuthorMemberId == me.MemberId && s.IdempotencyKey == key)
            .Select(s => s.Id)
            .ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }
}
