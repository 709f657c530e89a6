using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>The EF model of the staff inbox (migration 0012), kept out of MessagingDbContext so the feature stays in one folder.</summary>
internal static class InboxModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Workspace>(e => e.Property(w => w.OutOfOfficeText).HasMaxLength(Workspace.MaxOutOfOfficeLength));

        modelBuilder.Entity<Conversation>(e =>
        {
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.AssignedMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.WorkspaceId, c.Status });
        });

        modelBuilder.Entity<WorkspaceTag>(e =>
        {
            e.ToTable("workspace_tags");
            e.Property(t => t.Name).HasMaxLength(WorkspaceTag.MaxNameLength);
            e.HasOne<Workspace>().WithMany().HasForeignKey(t => t.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.WorkspaceId, t.Name }).IsUnique();
        });

        modelBuilder.Entity<ConversationTag>(e =>
        {
            e.ToTable("conversation_tags");
            e.HasKey(t => new { t.ConversationId, t.TagId });
            e.HasOne<Conversation>().WithMany(c => c.Tags).HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(t => t.Tag).WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SavedReply>(e =>
        {
            e.ToTable("saved_replies");
            e.Property(r => r.Title).HasMaxLength(SavedReply.MaxTitleLength);
            e.Property(r => r.Body).HasMaxLength(Message.MaxBodyLength);
            e.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.OwnerMemberId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MemberAbsence>(e =>
        {
            e.ToTable("member_absences");
            e.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Member).WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Cover).WithMany().HasForeignKey(a => a.CoverMemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.MemberId, a.EndsOn });
        });

        modelBuilder.Entity<ConversationResponse>(e =>
        {
            e.ToTable("conversation_responses");
            e.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.ResponderMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.WorkspaceId, r.RespondedAt });
        });
    }
}
