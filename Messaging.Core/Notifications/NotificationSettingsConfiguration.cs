using Messaging.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Notifications;

/// <summary>Maps <see cref="NotificationSettings"/> (the schema itself comes from the SQL migrations in Data/Migrations).</summary>
public sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(s => s.MemberId);
        builder.Property(s => s.MemberId).ValueGeneratedNever();
        builder.Property(s => s.EmailMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.TimeZone).HasMaxLength(NotificationSettings.MaxTimeZoneLength);
        builder.HasOne<Member>().WithOne().HasForeignKey<NotificationSettings>(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
