using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Audit;
using Messaging.Core.Conversations;
using Messaging.Core.Export;
using Messaging.Core.Inbox;
using Messaging.Core.Live;
using Messaging.Core.Messages;
using Messaging.Core.Notifications;
using Messaging.Core.Projects;
using Messaging.Core.Safety;
using Messaging.Core.Scheduling;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Data;

/// <summary>
/// The domain model. Identity's account tables are mapped by the web project's own context on the
/// same database; both schemas are created by the SQL migrations in Data/Migrations.
/// </summary>
public sealed class MessagingDbContext(DbContextOptions<MessagingDbContext> options) : DbContext(options)
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<LiveEvent> LiveEvents => Set<LiveEvent>();

    public DbSet<PermissionOverride> MemberPermissions => Set<PermissionOverride>();

    public DbSet<MemberPreference> MemberPreferences => Set<MemberPreference>();

    public DbSet<MemberBlock> MemberBlocks => Set<MemberBlock>();

    public DbSet<MessageReport> MessageReports => Set<MessageReport>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<MessageMention> MessageMentions => Set<MessageMention>();

    public DbSet<MessageEdit> MessageEdits => Set<MessageEdit>();

    public DbSet<ScheduledMessage> ScheduledMessages => Set<ScheduledMessage>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<EmailOutboxEntry> EmailOutbox => Set<EmailOutboxEntry>();

    public DbSet<WorkspaceTag> WorkspaceTags => Set<WorkspaceTag>();

    public DbSet<ConversationTag> ConversationTags => Set<ConversationTag>();

    public DbSet<SavedReply> SavedReplies => Set<SavedReply>();

    public DbSet<MemberAbsence> MemberAbsences => Set<MemberAbsence>();

    public DbSet<ConversationResponse> ConversationResponses => Set<ConversationResponse>();

    public DbSet<ExportRecord> ExportRecords => Set<ExportRecord>();

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    /// <summary>What messages.search_vector is computed from (migration 0014 holds the same expression).</summary>
    internal const string SearchVectorSql =
        "CASE WHEN deleted_at IS NULL THEN search_vector_in(workspace_id, search_vector_with_pairs(to_tsvector('english'::regconfig, body || ' ' || regexp_replace(attachment_names, '[^[:alnum:]]+', ' ', 'g')))) ELSE ''::tsvector END";

    /// <summary>
    /// The functions <see cref="SearchVectorSql"/> calls, which the model cannot declare: they must exist before the
    /// messages table (migration 0014 creates them with this text; MigrationSchemaTests compares the two).
    /// search_vector_with_pairs adds each pair of adjacent words as one lexeme (<see cref="Search.PhrasePairs"/>, whose
    /// byte limit it shares); search_vector_in stores every lexeme, with its positions, under the workspace
    /// (<see cref="Search.SearchTerms"/>, likewise).
    /// </summary>
    public const string SearchFunctionsSql = """
        CREATE FUNCTION search_vector_with_pairs(doc tsvector) RETURNS tsvector
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN doc || (
                WITH words AS (SELECT u.lexeme, unnest(u.positions) AS pos FROM unnest(doc) u)
                SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
                FROM words a JOIN words b ON b.pos = a.pos + 1
                WHERE octet_length(a.lexeme) + octet_length(b.lexeme) < 2000);

        CREATE FUNCTION search_vector_in(workspace bigint, doc tsvector) RETURNS tsvector
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            RETURN coalesce((
                SELECT string_agg(
                    '''' || replace(replace(w.lexeme, '\', '\\'), '''', '''''') || '''' || coalesce(':' || array_to_string(u.positions, ','), ''), ' ')
                FROM unnest(doc) u CROSS JOIN LATERAL (SELECT workspace || ' ' || u.lexeme AS lexeme) w
                WHERE octet_length(w.lexeme) <= 2046)::tsvector, ''::tsvector);
        """;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDbFunction(typeof(Search.TextSearchFunctions).GetMethod(nameof(Search.TextSearchFunctions.MatchWithoutIndex))!);

        modelBuilder.Entity<Workspace>(e =>
        {
            e.ToTable("workspaces");
            e.Property(w => w.Name).HasMaxLength(200);
            e.Property(w => w.AllowedFileTypes).HasMaxLength(1000);
            e.Property(w => w.TimeZone).HasMaxLength(64);
        });

        modelBuilder.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.Property(m => m.DisplayName).HasMaxLength(200);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne(m => m.Workspace).WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.WorkspaceId, m.UserId }).IsUnique();
            e.HasIndex(m => m.UserId);
        });

        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Workspace>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ProjectMember>(e =>
        {
            e.ToTable("project_members");
            e.HasKey(pm => new { pm.ProjectId, pm.MemberId });
            e.Property(pm => pm.Relation).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Project>().WithMany(p => p.Members).HasForeignKey(pm => pm.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(pm => pm.Member).WithMany().HasForeignKey(pm => pm.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable("conversations");
            e.Property(c => c.Subject).HasMaxLength(200);
            e.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Workspace>().WithMany().HasForeignKey(c => c.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(c => c.CreatedByMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.WorkspaceId, c.LastActivityAt });
        });

        modelBuilder.Entity<Participant>(e =>
        {
            e.ToTable("conversation_participants");
            e.HasKey(p => new { p.ConversationId, p.MemberId });
            e.HasOne<Conversation>().WithMany(c => c.Participants).HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(p => p.Member).WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Message>(e =>
        {
            e.ToTable("messages");
            e.Property(m => m.Body).HasMaxLength(Message.MaxBodyLength);
            e.Property(m => m.Visibility).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Conversation>().WithMany(c => c.Messages).HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.ReplyTo).WithMany().HasForeignKey(m => m.ReplyToId).OnDelete(DeleteBehavior.SetNull);
            e.Property(m => m.Priority).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
            e.HasOne(m => m.SubjectMember).WithMany().HasForeignKey(m => m.SubjectMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.ConversationId, m.Id });
            e.HasIndex(m => new { m.AuthorMemberId, m.IdempotencyKey }).IsUnique();
            e.Property(m => m.AttachmentNames).HasDefaultValue(string.Empty);
            e.Property(m => m.SearchVector).HasComputedColumnSql(SearchVectorSql, stored: true);
            e.HasIndex(m => new { m.WorkspaceId, m.Id });
            e.HasIndex(m => new { m.WorkspaceId, m.CreatedAt, m.Id });
            e.HasIndex(m => new { m.ConversationId, m.CreatedAt, m.Id });
            e.HasIndex(m => m.SearchVector).HasMethod("gin");
        });

        modelBuilder.Entity<LiveEvent>(e =>
        {
            e.ToTable("live_events");
            e.Property(l => l.Kind).HasMaxLength(40);
            e.Property(l => l.Visibility).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(l => new { l.WorkspaceId, l.Id });
        });

        modelBuilder.Entity<PermissionOverride>(e =>
        {
            e.ToTable("member_permissions");
            e.HasKey(p => new { p.MemberId, p.Permission });
            e.Property(p => p.Permission).HasMaxLength(60);
            e.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MemberPreference>(e =>
        {
            e.ToTable("member_preferences");
            e.HasKey(p => p.MemberId);
            e.Property(p => p.MemberId).ValueGeneratedNever();
            e.Property(p => p.WhoMayStart).HasConversion<string>().HasMaxLength(30);
            e.HasOne<Member>().WithOne().HasForeignKey<MemberPreference>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MemberBlock>(e =>
        {
            e.ToTable("member_blocks");
            e.HasKey(b => new { b.BlockerMemberId, b.BlockedMemberId });
            e.HasOne<Member>().WithMany().HasForeignKey(b => b.BlockerMemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(b => b.Blocked).WithMany().HasForeignKey(b => b.BlockedMemberId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageReport>(e =>
        {
            e.ToTable("message_reports");
            e.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Details).HasMaxLength(MessageReport.MaxDetailsLength);
            e.HasOne<Workspace>().WithMany().HasForeignKey(r => r.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.ReporterMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Member>().WithMany().HasForeignKey(r => r.ResolvedByMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.WorkspaceId, r.Status });
            e.HasIndex(r => new { r.MessageId, r.ReporterMemberId }).IsUnique().HasFilter("status = 'Open'");
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            // No foreign keys: an entry is history and must outlive (and never block) what it mentions.
            e.ToTable("audit_entries");
            e.Property(a => a.Action).HasMaxLength(AuditEntry.MaxActionLength);
            e.Property(a => a.ActorLabel).HasMaxLength(AuditEntry.MaxLabelLength);
            e.Property(a => a.ObjectType).HasMaxLength(AuditEntry.MaxObjectTypeLength);
            e.Property(a => a.ObjectId).HasMaxLength(AuditEntry.MaxObjectIdLength);
            e.Property(a => a.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
            e.Property(a => a.IpAddress).HasMaxLength(AuditEntry.MaxIpLength);
            e.HasIndex(a => new { a.WorkspaceId, a.OccurredAt }).IsDescending(false, true);
        });

        modelBuilder.Entity<MessageMention>(e =>
        {
            e.ToTable("message_mentions");
            e.HasKey(x => new { x.MessageId, x.MemberId });
            e.HasOne<Message>().WithMany(m => m.Mentions).HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.MemberId, x.ConversationId });
        });

        modelBuilder.Entity<MessageEdit>(e =>
        {
            e.ToTable("message_edits");
            e.Property(x => x.PreviousBody).HasMaxLength(Message.MaxBodyLength);
            e.HasOne<Message>().WithMany(m => m.Edits).HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ScheduledMessage>(e =>
        {
            e.ToTable("scheduled_messages");
            e.Property(s => s.Body).HasMaxLength(Message.MaxBodyLength);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Failure).HasMaxLength(ScheduledMessage.MaxFailureLength);
            e.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Member>().WithMany().HasForeignKey(s => s.AuthorMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Message>().WithMany().HasForeignKey(s => s.SentMessageId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(s => new { s.Status, s.SendAt });
            e.HasIndex(s => new { s.AuthorMemberId, s.IdempotencyKey }).IsUnique();
        });

        modelBuilder.Entity<Attachment>(e =>
        {
            e.ToTable("attachments");
            e.Property(a => a.FileName).HasMaxLength(Attachment.MaxFileNameLength);
            e.Property(a => a.Extension).HasMaxLength(Attachment.MaxExtensionLength);
            e.Property(a => a.ContentType).HasMaxLength(Attachment.MaxContentTypeLength);
            e.Property(a => a.Category).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.StorageKey).HasMaxLength(Attachment.MaxStorageKeyLength);
            e.HasOne<Workspace>().WithMany().HasForeignKey(a => a.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Conversation).WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.Uploader).WithMany().HasForeignKey(a => a.UploaderMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.ConversationId, a.Id });
            e.HasIndex(a => a.StorageKey).IsUnique();
        });

        NotificationModel.Configure(modelBuilder);
        InboxModel.Configure(modelBuilder);
        ExportModelConfiguration.Apply(modelBuilder);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
