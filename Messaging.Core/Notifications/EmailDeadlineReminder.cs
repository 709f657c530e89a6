using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.ProjectThreads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Notifications;

/// <summary>
/// Emails a deadline reminder to the people of the threads it was posted in, inside the reminder's transaction: one
/// notice each (stored once, by its dedupe key), none with email off, due when their quiet hours end.
/// </summary>
public sealed class EmailDeadlineReminder(MessagingDbContext db, EnqueueNotice notice, IOptions<NotificationOptions> options, TimeProvider clock)
    : IDomainEventHandler<DeadlineReminderPosted>
{
    public async Task HandleAsync(DeadlineReminderPosted domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var now = clock.GetUtcNow();
        var ids = domainEvent.People.Keys.ToList();
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Kind, Settings = db.NotificationSettings.FirstOrDefault(s => s.MemberId == m.Id) })
            .ToListAsync(ct);
        var baseUrl = options.Value.PublicBaseUrl;
        foreach (var member in members)
        {
            var settings = member.Settings ?? NotificationSettings.Defaults(member.Id);
            if (settings.EmailMode == EmailMode.Off)
            {
                continue;
            }

            var staff = member.Kind == MemberKind.Staff;
            var body = $"""
                {domainEvent.Text}

                Project: {domainEvent.ProjectName}
                Open the conversation: {NotificationEmails.ThreadLink(baseUrl, staff, domainEvent.People[member.Id])}

                Change how and when you get these emails: {NotificationEmails.SettingsLink(baseUrl, staff)}
                """;
            await notice.HandleAsync(domainEvent.WorkspaceId, member.Id, $"{domainEvent.Text} ({domainEvent.ProjectName})", body,
                string.Create(CultureInfo.InvariantCulture, $"reminder:{domainEvent.ReminderId}:{member.Id}"),
                NotificationSchedule.QuietUntil(settings, now) ?? now, ct);
        }
    }
}
