using System.Net;
using Messaging.Tests.Infrastructure;
using static Messaging.Tests.Safety.Safety;

namespace Messaging.Tests.Safety;

/// <summary>Who may start a conversation with a member: everyone (default), conversation partners, or project members.</summary>
public sealed class PrivacyTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.Database.ExecuteAsync("DELETE FROM member_preferences");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryoneIsTheDefaultAndAnyMemberMayStartAConversation()
    {
        using var viewer = await factory.SignInAsync(Demo.Viewer);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);

        var page = await viewer.GetPageAsync("/account/preferences");
        var checkedChoice = page.QuerySelectorAll("[data-testid=privacy-choice]").Single(c => c.HasAttribute("checked"));
        Assert.Equal("Everyone", checkedChoice.GetAttribute("value"));

        AssertRedirect(await StaffStartAsync(admin, "Privacy default", vic));
        Assert.Equal(1L, await factory.Database.ConversationCountAsync("Privacy default"));
    }

    [Fact]
    public async Task ConversationPartnersOnlyRefusesSomeoneWhoSharesNoConversationAndWritesNothing()
    {
        using var viewer = await factory.SignInAsync(Demo.Viewer);
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);
        var spring = await factory.Database.ProjectIdAsync("Spring Campaign");
        var conversationsBefore = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations");
        var messagesBefore = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages");

        AssertRedirect(await SetPrivacyAsync(viewer, "ConversationPartners"));
        var saved = await viewer.GetPageAsync("/account/preferences");
        Assert.Equal("ConversationPartners", saved.QuerySelectorAll("[data-testid=privacy-choice]").Single(c => c.HasAttribute("checked")).GetAttribute("value"));

        // Chloe is on Vic's project but has never shared a conversation with him.
        var refused = await ClientStartAsync(client, spring, vic, "Partners only, refused");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Vic Viewer only accepts new conversations from people they already share a conversation with.", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Equal(conversationsBefore, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations"));
        Assert.Equal(messagesBefore, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages"));

        // Sam shares "Team sync: Q3 planning" with Vic.
        AssertRedirect(await StaffStartAsync(staff, "Partners only, allowed", vic));
        Assert.Equal(1L, await factory.Database.ConversationCountAsync("Partners only, allowed"));
    }

    [Fact]
    public async Task ProjectMembersOnlyRefusesSomeoneOutsideTheirProjectsAndWritesNothing()
    {
        using var viewer = await factory.SignInAsync(Demo.Viewer);
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);

        AssertRedirect(await SetPrivacyAsync(viewer, "ProjectMembers"));

        // Ada shares a conversation with Vic but no project.
        var refused = await StaffStartAsync(admin, "Projects only, refused", vic);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Vic Viewer only accepts new conversations from people on their projects.", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ConversationCountAsync("Projects only, refused"));

        // Sam is on the team of Spring Campaign with Vic.
        AssertRedirect(await StaffStartAsync(staff, "Projects only, allowed", vic));
        Assert.Equal(1L, await factory.Database.ConversationCountAsync("Projects only, allowed"));
    }

    [Fact]
    public async Task AnUnknownPrivacyChoiceIsRefusedWithAMessage()
    {
        using var viewer = await factory.SignInAsync(Demo.Viewer);

        var response = await SetPrivacyAsync(viewer, "Nobody");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose who may start a conversation with you.", await TextAsync(response), StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM member_preferences"));
    }

    [Fact]
    public async Task ThePreferencesPageNeedsASignedInMemberAndIsLinkedFromTheHeader()
    {
        using var anonymous = factory.NewClient();
        var response = await anonymous.GetAsync("/account/preferences");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var client = await factory.SignInAsync(Demo.Client);
        var home = await client.GetPageAsync("/portal/messages");
        Assert.Equal("/account/preferences", home.QuerySelector("[data-testid=nav-preferences]")?.GetAttribute("href"));
    }
}
