using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Web.Identity;

/// <summary>
/// ASP.NET Core Identity's tables, on the same database as the domain. They live here rather than in
/// Core because the Identity stores need the ASP.NET Core shared framework, which Core must not reference.
/// Their DDL is part of the SQL migrations like every other table.
/// </summary>
public sealed class IdentityStoreDbContext(DbContextOptions<IdentityStoreDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options)
{
}
