using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Messaging.Core.Messages;

/// <summary>
/// Runs a write that carries a client-chosen idempotency key: if the key was used before, the earlier
/// result is returned; otherwise the write runs in one transaction, and if a concurrent request with
/// the same key wins the race (unique violation), its result is returned instead. Never a half write.
/// </summary>
internal static class IdempotentWrite
{
    public static Task<Result<long>> RunAsync(
        MessagingDbContext db, Func<Task<long?>> findEarlier, Func<Task<long>> write, CancellationToken ct) =>
        RunAsync(db, findEarlier, async () => Result<long>.Ok(await write()), ct);

    /// <summary>The same, for a write that can still refuse (e.g. a quota checked under a lock): a refusal rolls everything back.</summary>
    public static async Task<Result<long>> RunAsync(
        MessagingDbContext db, Func<Task<long?>> findEarlier, Func<Task<Result<long>>> write, CancellationToken ct)
    {
        if (await findEarlier() is { } earlier)
        {
            return Result<long>.Ok(earlier);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await write();
            if (!result.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return result;
            }

            await tx.CommitAsync(ct);
            return result;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await findEarlier() is { } winner
                ? Result<long>.Ok(winner)
                : throw new InvalidOperationException("Unique violation without an earlier write to return.", ex);
        }
    }
}
