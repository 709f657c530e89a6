using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Webhooks;

/// <summary>Maps <see cref="WebhookAttempt"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("webhook_attempts");
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.MaxErrorLength);
    }
}
