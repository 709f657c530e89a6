using Messaging.Core.Live;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Messaging.Tests.Live;

/// <summary>Who learns that a read pointer moved: those who may see the conversation, and staff only when it moved onto an internal note.</summary>
public sealed class ReadMovedAudienceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task APointerOnAMessageForEveryoneReachesEveryoneWhoMaySeeTheConversation()
    {
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var message = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {id} AND visibility = 'Everyone'");

        var delivery = await HandleAsync(new LivePayload.ReadMoved(id, message));

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Client, Demo.Staff, Demo.Admin, Demo.Manager, Demo.Viewer), delivery.Audience.Order());
        Assert.Equal($"read-{id}", delivery.Event.Kind);
        Assert.Equal("{}", delivery.Event.Data);
        Assert.True(delivery.Event.IsEphemeral);
    }

    [Fact]
    public async Task APointerOnAnInternalNoteNeverReachesAClient()
    {
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var note = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {id} AND visibility = 'StaffOnly'");

        var delivery = await HandleAsync(new LivePayload.ReadMoved(id, note));

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Staff, Demo.Admin, Demo.Manager, Demo.Viewer), delivery.Audience.Order());
        Assert.DoesNotContain(await factory.Database.MemberIdAsync(Demo.Client), delivery.Audience);
    }

    [Fact]
    public async Task APointerBeforeTheFirstMessageReachesEveryoneWhoMaySeeTheConversation()
    {
        var id = await factory.Database.ConversationIdAsync("Launch timeline");

        var delivery = await HandleAsync(new LivePayload.ReadMoved(id, 0));

        Assert.NotNull(delivery);
        Assert.Contains(await factory.Database.MemberIdAsync(Demo.Client2), delivery.Audience);
        Assert.DoesNotContain(await factory.Database.MemberIdAsync(Demo.Client), delivery.Audience);
    }

    [Fact]
    public async Task APointerInAConversationThatDoesNotExistReachesNobody() =>
        Assert.Null(await HandleAsync(new LivePayload.ReadMoved(999_999_999, 0)));

    [Fact]
    public async Task WhatTheTriggerAnnouncesWhenAPointerMovesIsReadAsAPointerThatMoved()
    {
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var client = await factory.Database.MemberIdAsync(Demo.Client);
        var first = await factory.Database.ScalarAsync<long>($"SELECT min(id) FROM messages WHERE conversation_id = {id}");
        await using var listener = new NpgsqlConnection(factory.Database.ConnectionString);
        await listener.OpenAsync();
        var received = new List<string>();
        listener.Notification += (_, e) => received.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {LiveChannel.Name}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await factory.Database.ExecuteAsync($"UPDATE conversation_participants SET last_read_message_id = {first} WHERE conversation_id = {id} AND member_id = {client}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!received.Any(p => LivePayload.TryParse(p, out var payload) && payload is LivePayload.ReadMoved))
        {
            await listener.WaitAsync(timeout.Token);
        }

        var moved = received.Select(p => LivePayload.TryParse(p, out var payload) ? payload : null).OfType<LivePayload.ReadMoved>().First();
        Assert.Equal(new LivePayload.ReadMoved(id, first), moved);
    }

    private async Task<LiveDelivery?> HandleAsync(LivePayload.ReadMoved read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReadMovedAudience>().HandleAsync(read, CancellationToken.None);
    }
}
