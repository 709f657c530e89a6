using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Search;

/// <summary>Maps <see cref="SearchRebuildRequest"/> to <c>search_rebuild_requests</c> (migration 0019).</summary>
public sealed class SearchRebuildRequestConfiguration : IEntityTypeConfiguration<SearchRebuildRequest>
{
    public void Configure(EntityTypeBuilder<SearchRebuildRequest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("search_rebuild_requests");
        builder.Property(r => r.Reason).HasMaxLength(SearchRebuildRequest.MaxReasonLength);
        builder.Property(r => r.RequestedAt).HasDefaultValueSql("now()");
    }
}
