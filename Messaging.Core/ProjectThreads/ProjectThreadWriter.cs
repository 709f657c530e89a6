using Messaging.Core.Access;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.ProjectThreads;

/// <summary>
/// Writes what a project tells its threads, inside the caller's transaction: creates a project thread with its people
/// and a welcome system message, adds or takes off a contact, and posts system messages. The texts hold only what
/// everyone in the thread may know (names, stages, dates, the panel's items), never an internal note.
/// </summary>
public sealed class ProjectThreadWriter(MessagingDbContext db, MessageWriter writer, DomainEvents events, TimeProvider clock)
{
    /// <summary>Locks the project row for the rest of the transaction, so two writers never create its threads twice.</summary>
    public Task LockAsync(long projectId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT id FROM projects WHERE id = {projectId} FOR UPDATE", ct);

    /// <summary>The project's active team members (staff) and its accepted, active contacts.</summary>
    public async Task<(List<(long Id, string Name)> Team, List<(long Id, string Name)> Contacts)> PeopleAsync(long projectId, CancellationToken ct)
    {
        var people = await db.ProjectMembers.AsNoTracking()
            .Where(pm => pm.ProjectId == projectId && pm.Member!.IsActive && pm.State == ContactState.Accepted)
            .OrderBy(pm => pm.Member!.DisplayName)
            .Select(pm => new { pm.MemberId, pm.Member!.DisplayName, pm.Relation, pm.Member.Kind })
            .ToListAsync(ct);
        return (
            people.Where(p => p.Relation == ProjectRelation.Team && p.Kind == MemberKind.Staff).Select(p => (p.MemberId, p.DisplayName)).ToList(),
            people.Where(p => p.Relation == ProjectRelation.Contact && p.Kind == MemberKind.Client).Select(p => (p.MemberId, p.DisplayName)).ToList());
    }

    /// <summary>Creates a project thread with these people and opens it with <paramref name="welcome"/> (a system message).</summary>
    public async Task<Conversation> CreateAsync(CurrentMember me, Project project, string subject, IEnumerable<long> people, string welcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(project);
        var now = clock.GetUtcNow();
        var conversation = new Conversation
        {
            WorkspaceId = project.WorkspaceId,
            ProjectId = project.Id,
            Subject = subject.Length > 200 ? subject[..200] : subject,
            Category = ConversationCategory.Project,
            CreatedByMemberId = me.MemberId,
            CreatedAt = now,
            LastActivityAt = now,
            LastPublicActivityAt = now,
        };
        conversation.Participants.AddRange(people.Distinct().Select(id => new Participant { MemberId = id, JoinedAt = now }));
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new ConversationStarted(conversation, me), ct);
        await writer.AppendSystemMessageAsync(me, conversation, welcome, MessageVisibility.Everyone, ct);
        return conversation;
    }

    /// <summary>Adds the member to the thread (if not already in it) and says so; true when they were added.</summary>
    public async Task<bool> JoinAsync(CurrentMember me, long conversationId, long memberId, string announcement, CancellationToken ct)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        if (conversation is null || await db.Participants.AnyAsync(p => p.ConversationId == conversationId && p.MemberId == memberId, ct))
        {
            return false;
        }

        db.Participants.Add(new Participant { ConversationId = conversationId, MemberId = memberId, JoinedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new ParticipantsChanged(conversation, memberId, true, me), ct);
        await writer.AppendSystemMessageAsync(me, conversation, announcement, MessageVisibility.Everyone, ct);
        return true;
    }

    /// <summary>Takes the member off the thread (if in it) and says so.</summary>
    public async Task LeaveAsync(CurrentMember me, long conversationId, long memberId, string announcement, CancellationToken ct)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId, ct);
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.ConversationId == conversationId && p.MemberId == memberId, ct);
        if (conversation is null || participant is null)
        {
            return;
        }

        db.Participants.Remove(participant);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new ParticipantsChanged(conversation, memberId, false, me), ct);
        await writer.AppendSystemMessageAsync(me, conversation, announcement, MessageVisibility.Everyone, ct);
    }

    /// <summary>Posts a system message in every thread the project created (the shared one and the contacts' own).</summary>
    public async Task AnnounceAsync(CurrentMember me, long projectId, string text, CancellationToken ct)
    {
        foreach (var conversation in await ThreadsAsync(projectId, ct))
        {
            await writer.AppendSystemMessageAsync(me, conversation, text, MessageVisibility.Everyone, ct);
        }
    }

    /// <summary>The threads the project created, oldest first.</summary>
    public async Task<List<Conversation>> ThreadsAsync(long projectId, CancellationToken ct)
    {
        var shared = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.ThreadConversationId).SingleOrDefaultAsync(ct);
        var own = await db.ProjectMembers.AsNoTracking().Where(pm => pm.ProjectId == projectId && pm.ThreadConversationId != null)
            .Select(pm => pm.ThreadConversationId!.Value).ToListAsync(ct);
        var ids = own.Append(shared ?? 0).Where(id => id != 0).Distinct().ToList();
        return await db.Conversations.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
    }
}
