using Microsoft.AspNetCore.Identity;

namespace Messaging.Web.Identity;

/// <summary>A sign-in account. What the workspace knows about the person lives on its Member row in Core.</summary>
public sealed class PortalUser : IdentityUser<Guid>
{
}
