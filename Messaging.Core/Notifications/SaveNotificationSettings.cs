using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Notifications;

/// <summary>The settings form as posted. Quiet hours are <c>HH:mm</c> local times; both or neither.</summary>
public sealed record NotificationSettingsInput(
    EmailMode? EmailMode, bool BrowserEnabled, bool SoundEnabled, TimeOnly? QuietStart, TimeOnly? QuietEnd, string? TimeZone);

/// <summary>Saves the signed-in member's notification settings, after checking each field.</summary>
public sealed class SaveNotificationSettings(MessagingDbContext db, TimeProvider clock)
{
    public const string ModeField = "EmailMode";
    public const string QuietField = "QuietStart";
    public const string ZoneField = "TimeZone";

    public async Task<Result<NotificationSettings>> HandleAsync(CurrentMember me, NotificationSettingsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        if (input.EmailMode is not { } mode || !Enum.IsDefined(mode))
        {
            return Result<NotificationSettings>.Invalid(ModeField, "Choose how you want to get emails: immediately, hourly, daily, or off.");
        }

        if (!TimeZones.IsKnown(input.TimeZone))
        {
            return Result<NotificationSettings>.Invalid(ZoneField, "Choose your time zone from the list (for example Europe/Berlin).");
        }

        if (input.QuietStart.HasValue != input.QuietEnd.HasValue)
        {
            return Result<NotificationSettings>.Invalid(QuietField, "Give quiet hours both a start and an end, or leave both empty.");
        }

        if (input.QuietStart is { } s && input.QuietEnd is { } e && s == e)
        {
            return Result<NotificationSettings>.Invalid(QuietField, "Quiet hours need an end that differs from their start.");
        }

        var row = await db.NotificationSettings.SingleOrDefaultAsync(x => x.MemberId == me.MemberId, ct);
        if (row is null)
        {
            row = NotificationSettings.Defaults(me.MemberId);
            db.NotificationSettings.Add(row);
        }

        row.EmailMode = mode;
        row.BrowserEnabled = input.BrowserEnabled;
        row.SoundEnabled = input.SoundEnabled;
        row.QuietStartMinute = input.QuietStart is { } start ? (start.Hour * 60) + start.Minute : null;
        row.QuietEndMinute = input.QuietEnd is { } end ? (end.Hour * 60) + end.Minute : null;
        row.TimeZone = input.TimeZone!;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Result<NotificationSettings>.Ok(row);
    }
}
