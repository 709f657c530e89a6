using Messaging.Core.Live;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Live;

/// <summary>Who sees "viewing / replying": the other staff who can see the conversation, never clients.</summary>
public sealed class WorkingAudienceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ViewingReachesTheOtherStaffWhoCanSeeTheConversationButNeverAClient()
    {
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);

        var delivery = await HandleAsync(new LivePayload.Working(id, staff, Replying: false));

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Admin, Demo.Manager, Demo.Viewer), delivery.Audience.Order());
        Assert.Equal($"working-{id}", delivery.Event.Kind);
        Assert.Equal($$"""{"memberId":{{staff}},"name":"Sam Staff","state":"viewing"}""", delivery.Event.Data);
        Assert.True(delivery.Event.IsEphemeral);
    }

    [Fact]
    public async Task ReplyingSaysSo()
    {
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var admin = await factory.Database.MemberIdAsync(Demo.Admin);

        var delivery = await HandleAsync(new LivePayload.Working(id, admin, Replying: true));

        Assert.NotNull(delivery);
        Assert.Equal(await factory.Database.MemberIdsAsync(Demo.Manager), delivery.Audience.Order());
        Assert.Contains("\"state\":\"replying\"", delivery.Event.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWhoDoesNotExistReachesNobody()
    {
        var id = await factory.Database.ConversationIdAsync("Invoice question");

        Assert.Null(await HandleAsync(new LivePayload.Working(id, 999_999_999, Replying: false)));
    }

    private async Task<LiveDelivery?> HandleAsync(LivePayload.Working working)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkingAudience>().HandleAsync(working, CancellationToken.None);
    }
}
