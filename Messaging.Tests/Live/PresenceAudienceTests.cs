using Messaging.Core.Access;
using Messaging.Core.Live;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Live;

/// <summary>Who learns that a member came online or went offline: those who can see a conversation the member takes part in.</summary>
public sealed class PresenceAudienceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AClientsPresenceReachesThoseWhoCanSeeTheirConversationsButNotOtherClients()
    {
        var client = await factory.Database.MemberIdAsync(Demo.Client);

        var delivery = await HandleAsync(client);

        // Chloe is in Spring Campaign threads (Sam and Vic are its team), Catalogue wrap-up and threads with Ada; Mia sees everything.
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Staff, Demo.Admin, Demo.Manager, Demo.Viewer), delivery.Audience.Order());
        Assert.Equal("presence", delivery.Event.Kind);
        Assert.Equal(0, delivery.Event.ConversationId);
        Assert.Equal("{}", delivery.Event.Data);
        Assert.True(delivery.Event.IsEphemeral);
    }

    [Fact]
    public async Task AStaffMembersPresenceReachesTheClientsTheyMeet()
    {
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);

        var delivery = await HandleAsync(staff);

        Assert.Contains(await factory.Database.MemberIdAsync(Demo.Client), delivery.Audience);
        Assert.Contains(await factory.Database.MemberIdAsync(Demo.Client2), delivery.Audience);
        Assert.DoesNotContain(await factory.Database.MemberIdAsync(Demo.Subcontractor), delivery.Audience);
        Assert.DoesNotContain(staff, delivery.Audience);
    }

    [Fact]
    public async Task AMemberInNoConversationReachesNobody()
    {
        var lonely = await factory.AddMemberAsync("lonely@test.local", "Lou Lonely", MemberKind.Client, null);

        var delivery = await HandleAsync(lonely);

        Assert.Empty(delivery.Audience);
    }

    private async Task<LiveDelivery> HandleAsync(long memberId)
    {
        var workspace = await factory.Database.ScalarAsync<long>($"SELECT workspace_id FROM members WHERE id = {memberId}");
        await using var scope = factory.Services.CreateAsyncScope();
        var delivery = await scope.ServiceProvider.GetRequiredService<PresenceAudience>().HandleAsync(workspace, memberId, CancellationToken.None);
        Assert.Equal(workspace, delivery.WorkspaceId);
        return delivery;
    }
}
