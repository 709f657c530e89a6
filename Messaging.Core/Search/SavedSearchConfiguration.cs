using Messaging.Core.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Messaging.Core.Search;

/// <summary>Maps <see cref="SavedSearch"/> to <c>saved_searches</c> (migration 0019).</summary>
public sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("saved_searches");
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.MaxNameLength);
        builder.Property(s => s.Query).HasMaxLength(SearchQuery.MaxLength);
        builder.HasIndex(s => new { s.MemberId, s.Name }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
