using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Email;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Messaging.Core.Settings;
using Messaging.Core.Webhooks;
using Messaging.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Web.Seeding;

/// <summary>
/// The demo workspace: five accounts, two projects and a few conversations with history, some unread
/// for everyone. Runs only on an empty database and never in Production.
/// </summary>
public sealed class DemoSeeder(MessagingDbContext db, UserManager<PortalUser> users, ISecretProtector secrets, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string Password = "Passw0rd!demo";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Workspaces.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var start = now.AddDays(-14);
        var workspace = new Workspace { Name = "Northwind Studio", CreatedAt = start };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(ct);

        var admin = await AddMemberAsync(workspace, "admin@demo.local", "Ada Admin", MemberKind.Staff, StaffRole.Admin, start, ct);
        var staff = await AddMemberAsync(workspace, "staff@demo.local", "Sam Staff", MemberKind.Staff, StaffRole.Coordinator, start, ct);
        var viewer = await AddMemberAsync(workspace, "viewer@demo.local", "Vic Viewer", MemberKind.Staff, StaffRole.Viewer, start, ct);
        var client = await AddMemberAsync(workspace, "client@demo.local", "Chloe Client", MemberKind.Client, null, start, ct);
        var client2 = await AddMemberAsync(workspace, "client2@demo.local", "Carlos Client", MemberKind.Client, null, start, ct);
        await AddMemberAsync(workspace, "manager@demo.local", "Mia Manager", MemberKind.Staff, StaffRole.Manager, start, ct);
        var subcontractor = await AddMemberAsync(workspace, "sub@demo.local", "Sol Subcontractor", MemberKind.Client, null, start, ct);
        subcontractor.IsSubcontractor = true;

        var spring = AddProject(workspace, "Spring Campaign", start, (client, ProjectRelation.Contact), (staff, ProjectRelation.Team), (viewer, ProjectRelation.Team));
        var launch = AddProject(workspace, "Product Launch", start, (client2, ProjectRelation.Contact), (staff, ProjectRelation.Team));
        var autumn = AddProject(workspace, "Autumn Catalogue", start, (client, ProjectRelation.Contact), (staff, ProjectRelation.Team));
        autumn.Stage = ProjectStage.Closed;
        await db.SaveChangesAsync(ct);
        await SeedProjectPanelsAsync(workspace, now, spring, staff, client, admin, client2, ct);

        var t = start.AddHours(9);
        var kickoff = NewConversation(workspace, spring, "Spring campaign kickoff", staff, t, client, staff);
        for (var i = 0; i < 18; i++)
        {
            AddMessage(kickoff, client, $"Question {i + 1} about the shoot schedule: can we move day {i + 1} earlier?", t = t.AddMinutes(37));
            AddMessage(kickoff, staff, $"Answer {i + 1}: yes, day {i + 1} moves to the morning slot.", t = t.AddMinutes(41));
        }

        AddMessage(kickoff, staff, "Internal: the client's budget is tight, keep the extra day as an option.", t = t.AddHours(2), MessageVisibility.StaffOnly);
        AddMessage(kickoff, staff, "We've locked the **final schedule**. See you on set!", t = t.AddHours(1));
        AddMessage(kickoff, staff, "One more thing: please confirm the *wardrobe* list by Friday.", t = t.AddMinutes(5));

        t = start.AddHours(1);
        var wrapUp = NewConversation(workspace, autumn, "Catalogue wrap-up", staff, t, client, staff);
        AddMessage(wrapUp, staff, "The autumn catalogue is printed and delivered. Thanks for a great project!", t = t.AddMinutes(10));
        AddMessage(wrapUp, client, "Thank you, it looks wonderful.", t = t.AddMinutes(30));

        t = start.AddDays(3);
        var moodboard = NewConversation(workspace, spring, "Moodboard feedback", client, t, client, staff, admin);
        AddMessage(moodboard, client, "Here are our thoughts on the moodboard: warmer colours please.", t = t.AddHours(1));
        AddMessage(moodboard, admin, "Thanks Chloe, we'll rework the palette.", t = t.AddHours(2));
        AddMessage(moodboard, client, "Great. Also less stock photography if possible.", t = t.AddHours(3));

        t = start.AddDays(5);
        var invoice = NewConversation(workspace, null, "Invoice question", client, t, client, admin);
        AddMessage(invoice, client, "Could you resend the March invoice with our new VAT number?", t = t.AddHours(1));
        AddMessage(invoice, admin, "Of course, which address should it go to?", t = t.AddHours(4));
        AddMessage(invoice, client, "accounts@chloe.example, thank you!", t = t.AddHours(5));

        t = start.AddDays(6);
        var timeline = NewConversation(workspace, launch, "Launch timeline", staff, t, client2, staff);
        AddMessage(timeline, staff, "Carlos, here is the draft launch timeline for review.", t = t.AddHours(1));
        AddMessage(timeline, client2, "Looks good. Can we bring the teaser forward a week?", t = t.AddHours(2));
        AddMessage(timeline, staff, "Yes, teaser moves to the 3rd.", t = t.AddHours(3));

        t = start.AddDays(8);
        var samples = NewConversation(workspace, launch, "Shipping samples", client2, t, client2, staff, admin);
        AddMessage(samples, client2, "We shipped 12 samples to your studio today.", t = t.AddHours(1));
        AddMessage(samples, client2, "Tracking number: 1Z-999-AA1. Let us know when they arrive.", t = t.AddHours(1));

        t = start.AddDays(10);
        var sync = NewConversation(workspace, null, "Team sync: Q3 planning", admin, t, admin, staff, viewer);
        AddMessage(sync, admin, "Agenda for Monday: capacity, Spring Campaign wrap-up, Product Launch risks.", t = t.AddHours(1));
        AddMessage(sync, staff, "I'll bring the shoot numbers.", t = t.AddHours(2));
        AddMessage(sync, admin, "Vic, can you prepare the reporting slides?", t = t.AddHours(3));

        await db.SaveChangesAsync(ct);

        // Read pointers: each person has read their own threads up to a point, leaving something unread.
        MarkRead(kickoff, client, keepUnread: 2);
        MarkRead(kickoff, staff, keepUnread: 0);
        MarkRead(moodboard, client, keepUnread: 0);
        MarkRead(moodboard, staff, keepUnread: 1);
        MarkRead(moodboard, admin, keepUnread: 1);
        MarkRead(invoice, client, keepUnread: 0);
        MarkRead(invoice, admin, keepUnread: 1);
        MarkRead(timeline, client2, keepUnread: 1);
        MarkRead(timeline, staff, keepUnread: 0);
        MarkRead(samples, client2, keepUnread: 0);
        MarkRead(samples, staff, keepUnread: 2);
        MarkRead(samples, admin, keepUnread: 2);
        MarkRead(wrapUp, client, keepUnread: 0);
        MarkRead(wrapUp, staff, keepUnread: 0);
        MarkRead(sync, admin, keepUnread: 0);
        MarkRead(sync, staff, keepUnread: 1);
        MarkRead(sync, viewer, keepUnread: 3);
        await db.SaveChangesAsync(ct);
        await SeedInboxAsync(workspace, admin, invoice, [(moodboard, "Feedback"), (samples, "Logistics"), (invoice, "Billing")], ct);
        await SeedIntegrationsAsync(workspace, admin, spring, now, ct);
        logger.LogInformation("Seeded the demo workspace {Workspace}", workspace.Name);
    }

    /// <summary>
    /// A webhook and a Slack channel for the Admin pages, both disabled with the reason: their addresses are examples,
    /// so nothing is sent until an Admin points them at a receiver of their own and enables them.
    /// </summary>
    private async Task SeedIntegrationsAsync(Workspace workspace, Member admin, Project spring, DateTimeOffset now, CancellationToken ct)
    {
        const string reason = "Demo: point it at a receiver of your own and enable it.";
        db.Webhooks.Add(new Webhook
        {
            WorkspaceId = workspace.Id,
            Format = WebhookFormat.Standard,
            Url = "https://crm.example.com/hooks/messaging",
            Events = string.Join(',', WebhookEvents.MessageCreated, WebhookEvents.ConversationCreated),
            ProtectedSecret = secrets.Protect(WebhookSignature.NewSecret()),
            Enabled = false,
            DisabledReason = reason,
            DisabledAt = now,
            CreatedByMemberId = admin.Id,
            CreatedAt = now.AddDays(-3),
        });
        db.Webhooks.Add(new Webhook
        {
            WorkspaceId = workspace.Id,
            ProjectId = spring.Id,
            Format = WebhookFormat.Slack,
            Url = "https://hooks.slack.com/services/T0000000/B0000000/demo0000000000000000",
            Events = string.Join(',', WebhookEvents.ChatEvents),
            Enabled = false,
            DisabledReason = reason,
            DisabledAt = now,
            CreatedByMemberId = admin.Id,
            CreatedAt = now.AddDays(-3),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Projects in the thread: Spring Campaign's panel (brief, dates, a checklist with an overdue, a due-soon and a done
    /// item, milestones reached and in progress, payment invoiced), and projects in the other stages with contacts
    /// invited and removed. No conversation or message is added, so the seeded threads stay as they were.
    /// </summary>
    private async Task SeedProjectPanelsAsync(
        Workspace workspace, DateTimeOffset now, Project spring, Member staff, Member client, Member admin, Member client2, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        spring.Brief = "Lookbook for the web shop and social channels: twelve looks, one hero film, outdoor light.";
        spring.StartsOn = today.AddDays(-14);
        spring.DueOn = today.AddDays(30);
        spring.PaymentState = PaymentState.Invoiced;
        db.ProjectDeliverables.AddRange(
            new ProjectDeliverable { ProjectId = spring.Id, Title = "Moodboard", DueOn = today.AddDays(-7), OwnerMemberId = staff.Id, State = DeliverableState.Done, CreatedAt = now.AddDays(-14) },
            new ProjectDeliverable { ProjectId = spring.Id, Title = "Outfit list", DueOn = today.AddDays(-2), OwnerMemberId = client.Id, State = DeliverableState.ToDo, CreatedAt = now.AddDays(-10) },
            new ProjectDeliverable { ProjectId = spring.Id, Title = "Shot list", DueOn = today.AddDays(2), OwnerMemberId = staff.Id, State = DeliverableState.InReview, CreatedAt = now.AddDays(-9) },
            new ProjectDeliverable { ProjectId = spring.Id, Title = "Hero film edit", DueOn = today.AddDays(21), OwnerMemberId = staff.Id, State = DeliverableState.ToDo, CreatedAt = now.AddDays(-9) });
        db.ProjectMilestones.AddRange(
            new ProjectMilestone { ProjectId = spring.Id, Title = "Concept approved", DueOn = today.AddDays(-8), Progress = 100, ReachedAt = now.AddDays(-8), CreatedAt = now.AddDays(-14) },
            new ProjectMilestone { ProjectId = spring.Id, Title = "Shoot days", DueOn = today.AddDays(10), Progress = 40, CreatedAt = now.AddDays(-14) });

        var lead = AddProject(workspace, "Summer Pop-up", now.AddDays(-3), (admin, ProjectRelation.Team));
        lead.Stage = ProjectStage.Lead;
        lead.Members.Add(new ProjectMember { MemberId = client2.Id, Relation = ProjectRelation.Contact, State = ContactState.Invited });
        var onHold = AddProject(workspace, "Holiday Lookbook", now.AddDays(-20), (admin, ProjectRelation.Team));
        onHold.Stage = ProjectStage.OnHold;
        onHold.Members.Add(new ProjectMember { MemberId = client2.Id, Relation = ProjectRelation.Contact, State = ContactState.Removed });
        onHold.DueOn = today.AddDays(60);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Member> AddMemberAsync(
        Workspace workspace, string email, string name, MemberKind kind, StaffRole? role, DateTimeOffset at, CancellationToken ct)
    {
        var user = new PortalUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        var member = new Member { WorkspaceId = workspace.Id, UserId = user.Id, DisplayName = name, Kind = kind, Role = role, CreatedAt = at };
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    private Project AddProject(Workspace workspace, string name, DateTimeOffset at, params (Member Member, ProjectRelation Relation)[] people)
    {
        var project = new Project { WorkspaceId = workspace.Id, Name = name, CreatedAt = at, Stage = ProjectStage.Active };
        project.Members.AddRange(people.Select(p => new ProjectMember { MemberId = p.Member.Id, Relation = p.Relation }));
        db.Projects.Add(project);
        return project;
    }

    private Conversation NewConversation(Workspace workspace, Project? project, string subject, Member creator, DateTimeOffset at, params Member[] people)
    {
        var conversation = new Conversation
        {
            WorkspaceId = workspace.Id,
            Project = project,
            Subject = subject,
            Category = project is null ? ConversationCategory.General : ConversationCategory.Project,
            CreatedByMemberId = creator.Id,
            CreatedAt = at,
            LastActivityAt = at,
            LastPublicActivityAt = at,
        };
        conversation.Participants.AddRange(people.Select(p => new Participant { MemberId = p.Id, JoinedAt = at }));
        db.Conversations.Add(conversation);
        return conversation;
    }

    private static void AddMessage(Conversation conversation, Member author, string body, DateTimeOffset at, MessageVisibility visibility = MessageVisibility.Everyone)
    {
        conversation.Messages.Add(new Message
        {
            WorkspaceId = conversation.WorkspaceId,
            AuthorMemberId = author.Id,
            Body = body,
            Visibility = visibility,
            CreatedAt = at,
        });
        conversation.LastActivityAt = at;
        if (visibility == MessageVisibility.Everyone)
        {
            conversation.LastPublicActivityAt = at;
        }
    }

    /// <summary>Reads everything the member can see except the newest <paramref name="keepUnread"/> messages written by others.</summary>
    private static void MarkRead(Conversation conversation, Member member, int keepUnread)
    {
        var readable = conversation.Messages
            .Where(m => member.Kind == MemberKind.Staff || m.Visibility == MessageVisibility.Everyone)
            .OrderBy(m => m.Id)
            .ToList();
        var fromOthers = readable.Where(m => m.AuthorMemberId != member.Id).ToList();
        var participant = conversation.Participants.Single(p => p.MemberId == member.Id);
        if (keepUnread == 0)
        {
            participant.LastReadMessageId = readable.Count == 0 ? 0 : readable[^1].Id;
            return;
        }

        var firstUnread = fromOthers[^keepUnread];
        participant.LastReadMessageId = readable.Where(m => m.Id < firstUnread.Id).Select(m => m.Id).DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// Issue 9's demo data: workspace tags on some threads, one assignment, a team saved reply, and the
    /// response times of the seeded history (the same backfill migration 0012 runs on existing data).
    /// No thread gets a new message, so the demo conversations read as before.
    /// </summary>
    private async Task SeedInboxAsync(
        Workspace workspace, Member assignee, Conversation assigned, IEnumerable<(Conversation Conversation, string Tag)> tags, CancellationToken ct)
    {
        foreach (var (conversation, name) in tags)
        {
            var tag = new Core.Inbox.WorkspaceTag { WorkspaceId = workspace.Id, Name = name, CreatedAt = workspace.CreatedAt };
            db.WorkspaceTags.Add(tag);
            conversation.Tags.Add(new Core.Inbox.ConversationTag { Tag = tag });
        }

        assigned.AssignedMemberId = assignee.Id;
        db.SavedReplies.Add(new Core.Inbox.SavedReply
        {
            WorkspaceId = workspace.Id,
            Title = "Thanks, on it",
            Body = "Hi {{client.first_name}}, thanks for your message about {{project.name}}. I'm looking into it and will get back to you today. {{staff.first_name}}",
            CreatedAt = workspace.CreatedAt,
        });
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT backfill_conversation_responses({workspace.Id})", ct);
    }
}
