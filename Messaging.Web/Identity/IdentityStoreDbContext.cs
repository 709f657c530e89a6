using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Web.Identity;

/// <summary>
/// ASP.NET Core Identity's tables, on the same database as the domain. They live here rather than in
/// Core because the Identity stores need the ASP.NET Core shared framework, which Core must not reference.
/// Their DDL is part of the SQL migrations like every other table. The Data Protection key ring lives
/// here too: it is the web host's concern, not the domain's.
/// </summary>
public sealed class IdentityStoreDbContext(DbContextOptions<IdentityStoreDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The Data Protection key ring shared by every node and kept across restarts (auth cookies, antiforgery tokens,
    /// TempData), read and written by Microsoft.AspNetCore.DataProtection.EntityFrameworkCore
    /// (<c>PersistKeysToDbContext</c>); the table is created by migration 0004.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id).HasName("pk_data_protection_keys");
            e.Property(k => k.Id).HasColumnName("id");
            e.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            e.Property(k => k.Xml).HasColumnName("xml").IsRequired();
        });
    }
}
