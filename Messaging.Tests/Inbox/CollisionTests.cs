using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;

namespace Messaging.Tests.Inbox;

/// <summary>The collision warning (issue 9): "Alex is viewing / replying" reaches the other staff on the thread and never a client.</summary>
public sealed class CollisionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static Task<HttpResponseMessage> WorkingAsync(PortalClient who, long id, string state) =>
        who.PostFormAsync("/staff/inbox", $"/staff/inbox/{id}?handler=Working", new() { ["state"] = state }, htmx: true);

    [Fact]
    public async Task ViewingAndReplyingReachOtherStaffWithTheNameAndNoClient()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Shipping samples");
        await using var adminStream = await SseReader.OpenAsync(admin.Http, "/events");
        await using var clientStream = await SseReader.OpenAsync(carlos.Http, "/events");
        Assert.NotNull(await adminStream.WaitForAsync(e => e.Type == "ready", Wait));
        Assert.NotNull(await clientStream.WaitForAsync(e => e.Type == "ready", Wait));

        Assert.Equal(HttpStatusCode.NoContent, (await WorkingAsync(sam, id, "viewing")).StatusCode);
        var viewing = await adminStream.WaitForAsync(e => e.Type == $"working-{id}", Wait);
        Assert.NotNull(viewing);
        Assert.Contains("\"name\":\"Sam Staff\"", viewing.Data, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"viewing\"", viewing.Data, StringComparison.Ordinal);

        await WorkingAsync(sam, id, "replying");
        var replying = await adminStream.WaitForAsync(e => e.Type == $"working-{id}", Wait);
        Assert.Contains("\"state\":\"replying\"", replying!.Data, StringComparison.Ordinal);

        Assert.Null(await clientStream.WaitForAsync(e => e.Type.StartsWith("working-", StringComparison.Ordinal), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task TheWarningIsOnStaffThreadsOnlyAndClientsCannotAnnounce()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");

        Assert.NotNull((await sam.GetPageAsync($"/staff/messages/{id}")).QuerySelector("[data-testid=collision-warning]"));
        Assert.Null((await chloe.GetPageAsync($"/portal/messages/{id}")).QuerySelector("[data-testid=collision-warning]"));
        Assert.Equal(HttpStatusCode.NotFound, (await chloe.PostFormAsync($"/portal/messages/{id}", $"/staff/inbox/{id}?handler=Working", new() { ["state"] = "viewing" })).StatusCode);
        var (foreign, _, _) = await factory.Database.AddForeignWorkspaceAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await WorkingAsync(sam, foreign, "viewing")).StatusCode);
    }
}
