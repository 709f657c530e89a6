using Messaging.Core.Live;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Live;

/// <summary>Who receives a stored live event: those who may see its conversation, and only staff for an internal note.</summary>
public sealed class EventAudienceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnEventForEveryoneReachesEveryoneWhoMaySeeTheConversation()
    {
        var id = await factory.Database.ConversationIdAsync("Shipping samples");
        var eventId = await AddEventAsync(id, "Everyone");

        var delivery = await HandleAsync(eventId);

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Client2, Demo.Staff, Demo.Admin, Demo.Manager), delivery.Audience.Order());
        Assert.Equal(eventId, delivery.Event.Id);
        Assert.Equal("message", delivery.Event.Kind);
        Assert.Equal(id, delivery.Event.ConversationId);
        Assert.False(delivery.Event.IsEphemeral);
    }

    [Fact]
    public async Task AnEventAboutAnInternalNoteNeverReachesAClient()
    {
        var id = await factory.Database.ConversationIdAsync("Shipping samples");
        var eventId = await AddEventAsync(id, "StaffOnly");

        var delivery = await HandleAsync(eventId);

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Staff, Demo.Admin, Demo.Manager), delivery.Audience.Order());
    }

    [Fact]
    public async Task ADeactivatedParticipantIsNotInTheAudience()
    {
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        var client2 = await factory.Database.MemberIdAsync(Demo.Client2);
        var eventId = await AddEventAsync(id, "Everyone");
        await factory.Database.ExecuteAsync($"UPDATE members SET is_active = false WHERE id = {client2}");
        try
        {
            var delivery = await HandleAsync(eventId);

            Assert.NotNull(delivery);
            Assert.DoesNotContain(client2, delivery.Audience);
            Assert.Contains(await factory.Database.MemberIdAsync(Demo.Staff), delivery.Audience);
        }
        finally
        {
            await factory.Database.ExecuteAsync($"UPDATE members SET is_active = true WHERE id = {client2}");
        }
    }

    [Fact]
    public async Task AnEventThatDoesNotExistReachesNobody() => Assert.Null(await HandleAsync(999_999_999));

    private Task<long> AddEventAsync(long conversationId, string visibility) => factory.Database.ScalarAsync<long>($"""
        INSERT INTO live_events (workspace_id, conversation_id, kind, visibility, actor_member_id, created_at)
        SELECT c.workspace_id, c.id, 'message', '{visibility}', c.created_by_member_id, now() FROM conversations c WHERE c.id = {conversationId}
        RETURNING id
        """);

    private async Task<LiveDelivery?> HandleAsync(long eventId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventAudience>().HandleAsync(eventId, CancellationToken.None);
    }
}
