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

    public DbSet<ProjectDeliverable> ProjectDeliverables => Set<ProjectDeliverable>();

    public DbSet<ProjectMilestone> ProjectMilestones => Set<ProjectMilestone>();

    public DbSet<ProjectThreads.DeadlineReminder> DeadlineReminders => Set<ProjectThreads.DeadlineReminder>();

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

    public DbSet<MessageItemReference> MessageItemReferences => Set<MessageItemReference>();

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

    public DbSet<Email.WorkspaceMailbox> WorkspaceMailboxes => Set<Email.WorkspaceMailbox>();

    public DbSet<Email.InboundMail> InboundMails => Set<Email.InboundMail>();

    public DbSet<Webhooks.Webhook> Webhooks => Set<Webhooks.Webhook>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();

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

        // One IEntityTypeConfiguration per entity, each beside its entity (e.g. Messages/MessageConfiguration.cs).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MessagingDbContext).Assembly);
    }

    /// <summary>
    /// Tables, columns, keys, foreign keys and indexes in snake_case (EFCore.NamingConventions), so the model matches the SQL
    /// migrations without a name per property. It also names the columns that Database.SqlQuery&lt;T&gt; reads into an unmapped
    /// type: raw SQL aliases its columns in snake_case (<c>conversation_id</c>, not <c>"ConversationId"</c>).
    /// Set here rather than where the context is registered, so every instance (tests, tools) maps the same.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.UseSnakeCaseNamingConvention();
    }
}
