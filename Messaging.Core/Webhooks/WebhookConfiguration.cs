using Messaging.Core.Projects;
using Messaging.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Webhooks;

/// <summary>Maps <see cref="Webhook"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(w => w.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Url).HasMaxLength(Webhook.MaxUrlLength);
        builder.Property(w => w.Events).HasMaxLength(Webhook.MaxEventsLength);
        builder.Property(w => w.DisabledReason).HasMaxLength(Webhook.MaxReasonLength);
        builder.Ignore(w => w.EventList);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(w => w.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Project>().WithMany().HasForeignKey(w => w.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
