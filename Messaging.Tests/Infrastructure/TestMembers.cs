using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Projects;
using Messaging.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Infrastructure;

/// <summary>Members a test needs beyond the demo accounts, created through the app's own services with the demo password.</summary>
public static class TestMembers
{
    public static async Task<long> AddMemberAsync(
        this PortalFactory factory, string email, string name, MemberKind kind, StaffRole? role, params (string Project, ProjectRelation Relation)[] projects)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var user = new PortalUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, PortalClient.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var workspace = await db.Workspaces.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
        var member = new Member { WorkspaceId = workspace, UserId = user.Id, DisplayName = name, Kind = kind, Role = role, CreatedAt = DateTimeOffset.UtcNow };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        foreach (var (project, relation) in projects)
        {
            var projectId = await db.Projects.Where(p => p.Name == project).Select(p => p.Id).SingleAsync();
            db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, MemberId = member.Id, Relation = relation });
        }

        await db.SaveChangesAsync();
        return member.Id;
    }

    /// <summary>A second workspace with one project conversation, for checking that its ids answer 404 everywhere.</summary>
    public static async Task<(long ConversationId, long ProjectId, long MemberId)> AddForeignWorkspaceAsync(this TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var workspace = await db.ScalarAsync<long>("INSERT INTO workspaces (name, messages_enabled, created_at) VALUES ('Elsewhere Ltd', true, now()) RETURNING id");
        var member = await db.ScalarAsync<long>($"""
            INSERT INTO members (workspace_id, user_id, display_name, kind, role, is_active, created_at)
            SELECT {workspace}, user_id, 'Foreign Admin', 'Staff', 'Admin', true, now() FROM members WHERE display_name = 'Ada Admin' RETURNING id
            """);
        var project = await db.ScalarAsync<long>($"INSERT INTO projects (workspace_id, name, stage, created_at) VALUES ({workspace}, 'Foreign project', 'Active', now()) RETURNING id");
        var conversation = await db.ScalarAsync<long>($"""
            INSERT INTO conversations (workspace_id, project_id, subject, category, created_by_member_id, created_at, last_activity_at, last_public_activity_at)
            VALUES ({workspace}, {project}, 'Foreign thread', 'Project', {member}, now(), now(), now()) RETURNING id
            """);
        await db.ExecuteAsync($"INSERT INTO conversation_participants (conversation_id, member_id, joined_at, last_read_message_id, is_archived, is_muted) VALUES ({conversation}, {member}, now(), 0, false, false)");
        await db.ExecuteAsync($"INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at) VALUES ({workspace}, {conversation}, {member}, 'foreign secret', 'Everyone', now())");
        return (conversation, project, member);
    }
}
