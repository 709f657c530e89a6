using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Search;

/// <summary>Maps <see cref="SearchFeedEntry"/> to <c>search_feed</c> (migration 0015 writes it, through a trigger).</summary>
public sealed class SearchFeedEntryConfiguration : IEntityTypeConfiguration<SearchFeedEntry>
{
    public void Configure(EntityTypeBuilder<SearchFeedEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("search_feed");
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Xid).HasDefaultValueSql("(pg_current_xact_id()::text)::bigint");
        builder.Property(e => e.CreatedAt).HasDefaultValueSql("now()");
        builder.HasIndex(e => new { e.Xid, e.Position });
        builder.HasIndex(e => e.CreatedAt);
    }
}
