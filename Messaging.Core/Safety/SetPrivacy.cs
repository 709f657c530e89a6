using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Safety;

/// <summary>Saves who may start a conversation with the signed-in member.</summary>
public sealed class SetPrivacy(MessagingDbContext db, TimeProvider clock)
{
    public const string Field = "WhoMayStart";

    public async Task<Result<WhoMayStart>> HandleAsync(CurrentMember me, WhoMayStart? choice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (choice is not { } value || !Enum.IsDefined(value))
        {
            return Result<WhoMayStart>.Invalid(Field, "Choose who may start a conversation with you.");
        }

        var row = await db.MemberPreferences.SingleOrDefaultAsync(p => p.MemberId == me.MemberId, ct);
        if (row is null)
        {
            row = new MemberPreference { MemberId = me.MemberId };
            db.MemberPreferences.Add(row);
        }

        row.WhoMayStart = value;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Result<WhoMayStart>.Ok(value);
    }
}
