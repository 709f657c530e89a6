using System.Globalization;
using System.Text;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Notifications;

/// <summary>
/// The staff's daily activity digest: once a day, from <see cref="NotificationOptions.DailyDigestHour"/>
/// in the member's time zone, each active staff member whose email is not off gets a summary of the last
/// 24 hours in the conversations they may see (new messages, how many from clients, new conversations,
/// the busiest threads). One per member per local day (a dedupe key; a quiet day is recorded as skipped).
/// </summary>
public sealed class EnqueueActivityDigests(MessagingDbContext db, LoadCurrentMember load, EnqueueNotice notice, IOptions<NotificationOptions> options, TimeProvider clock)
{
    private const int Busiest = 10;

    public async Task HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var staff = await db.Members.AsNoTracking()
            .Where(m => m.IsActive && m.Kind == MemberKind.Staff && db.Workspaces.Any(w => w.Id == m.WorkspaceId && w.MessagesEnabled))
            .Select(m => new { m.Id, m.UserId, m.WorkspaceId, Settings = db.NotificationSettings.FirstOrDefault(s => s.MemberId == m.Id) })
            .ToListAsync(ct);
        foreach (var member in staff)
        {
            var settings = member.Settings ?? NotificationSettings.Defaults(member.Id);
            var zone = TimeZones.Find(settings.TimeZone);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var key = string.Create(CultureInfo.InvariantCulture, $"activity:{member.Id}:{local:yyyy-MM-dd}");
            if (settings.EmailMode == EmailMode.Off || local.Hour < options.Value.DailyDigestHour || await db.EmailOutbox.AnyAsync(o => o.DedupeKey == key, ct))
            {
                continue;
            }

            var me = await load.HandleAsync(member.UserId, ct);
            var text = me is null || me.MemberId != member.Id ? null : await DigestAsync(me, now, ct);
            if (text is null)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO email_outbox (workspace_id, recipient_member_id, kind, status, urgent, due_at, attempts, dedupe_key, created_at)
                    VALUES ({member.WorkspaceId}, {member.Id}, 'Notice', 'Skipped', false, {now}, 0, {key}, {now}) ON CONFLICT (dedupe_key) DO NOTHING
                    """, ct);
                continue;
            }

            await notice.HandleAsync(member.WorkspaceId, member.Id, text.Value.Subject, text.Value.Body, key, ct);
        }
    }

    private async Task<(string Subject, string Body)?> DigestAsync(CurrentMember me, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-1);
        var visible = db.Conversations.AsNoTracking().VisibleTo(me);
        var threads = await visible
            .Select(c => new
            {
                c.Id,
                c.Subject,
                IsNew = c.CreatedAt > since,
                Messages = c.Messages.Count(m => m.CreatedAt > since && m.Kind == MessageKind.Text && m.DeletedAt == null),
                FromClients = c.Messages.Count(m => m.CreatedAt > since && m.Kind == MessageKind.Text && m.DeletedAt == null && m.Author!.Kind == MemberKind.Client),
            })
            .Where(c => c.Messages > 0)
            .OrderByDescending(c => c.Messages).ThenBy(c => c.Id)
            .ToListAsync(ct);
        if (threads.Count == 0)
        {
            return null;
        }

        var total = threads.Sum(t => t.Messages);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Portal activity in the last 24 hours: {total} new messages ({threads.Sum(t => t.FromClients)} from clients) in {threads.Count} conversations; {threads.Count(t => t.IsNew)} new conversations.")
            .AppendLine();
        foreach (var t in threads.Take(Busiest))
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"- “{t.Subject}”: {t.Messages} new ({t.FromClients} from clients) {NotificationEmails.ThreadLink(options.Value.PublicBaseUrl, true, t.Id)}");
        }

        body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Change how and when you get these emails: {NotificationEmails.SettingsLink(options.Value.PublicBaseUrl, true)}");
        return ($"Daily portal activity: {total} new messages in {threads.Count} conversations", body.ToString());
    }
}
