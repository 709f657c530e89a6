using Messaging.Core.Access;

namespace Messaging.Core.Settings;

/// <summary>Where the start page sends a member.</summary>
public enum StartPage
{
    /// <summary>Signed in, but no active membership.</summary>
    NoMember,
    Messages,
    CompanySettings,

    /// <summary>The start page itself: the messages module is off (or the member may not read), and they do not run the workspace.</summary>
    Welcome,
}

/// <summary>The start page sends each member to their messages; with the module off, Admins to the company settings and others stay.</summary>
public sealed class ChooseStartPage(GetMessagesModule module)
{
    public async Task<StartPage> HandleAsync(CurrentMember? me, CancellationToken ct) =>
        me is null ? StartPage.NoMember
        : me.Can(Permissions.View) && await module.HandleAsync(me.WorkspaceId, ct) ? StartPage.Messages
        : me.IsAdmin ? StartPage.CompanySettings
        : StartPage.Welcome;
}
