using Messaging.Core.Live;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Live;

/// <summary>Who learns that someone is typing: the others who may see the conversation; staff only for the note form.</summary>
public sealed class TypingAudienceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TypingReachesTheOthersWhoMaySeeTheConversationButNotTheTypist()
    {
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var client = await factory.Database.MemberIdAsync(Demo.Client);

        var delivery = await HandleAsync(new LivePayload.Typing(id, client, StaffOnly: false));

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Staff, Demo.Admin, Demo.Manager, Demo.Viewer), delivery.Audience.Order());
        Assert.True(delivery.Event.IsEphemeral);
        Assert.Equal($"typing-{id}", delivery.Event.Kind);
        Assert.Equal(id, delivery.Event.ConversationId);
        Assert.Equal($$"""{"conversationId":{{id}},"memberId":{{client}},"name":"Chloe Client"}""", delivery.Event.Data);
        Assert.Equal(await factory.Database.ScalarAsync<long>($"SELECT workspace_id FROM conversations WHERE id = {id}"), delivery.WorkspaceId);
    }

    [Fact]
    public async Task TypingAnInternalNoteReachesStaffButNeverAClient()
    {
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);

        var delivery = await HandleAsync(new LivePayload.Typing(id, staff, StaffOnly: true));

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Admin, Demo.Manager, Demo.Viewer), delivery.Audience.Order());
        Assert.DoesNotContain(await factory.Database.MemberIdAsync(Demo.Client), delivery.Audience);
    }

    [Fact]
    public async Task ATypistWhoDoesNotExistReachesNobody()
    {
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");

        Assert.Null(await HandleAsync(new LivePayload.Typing(id, 999_999_999, StaffOnly: false)));
    }

    private async Task<LiveDelivery?> HandleAsync(LivePayload.Typing typing)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TypingAudience>().HandleAsync(typing, CancellationToken.None);
    }
}
