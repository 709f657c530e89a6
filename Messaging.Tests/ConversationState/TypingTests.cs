using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;

namespace Messaging.Tests.ConversationState;

/// <summary>Typing notices: over the event stream to the others in the conversation only, never stored, rate limited per member.</summary>
public sealed class TypingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TheOtherParticipantSeesWhoIsTypingAndNothingIsStoredForReplay()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await using var staffStream = await SseReader.OpenAsync(staff.Http, "/events");
        await using var clientStream = await SseReader.OpenAsync(client.Http, "/events");
        Assert.NotNull(await staffStream.WaitForAsync(e => e.Type == "ready", Wait));
        Assert.NotNull(await clientStream.WaitForAsync(e => e.Type == "ready", Wait));
        var eventsBefore = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM live_events");

        var response = await client.PostFormAsync($"/portal/messages/{id}", $"/messages/typing/{id}", []);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var typing = await staffStream.WaitForAsync(e => e.Type == $"typing-{id}", Wait);
        Assert.NotNull(typing);
        Assert.Null(typing.Id);
        Assert.Contains("\"name\":\"Chloe Client\"", typing.Data, StringComparison.Ordinal);
        Assert.Null(await clientStream.WaitForAsync(e => e.Type == $"typing-{id}", TimeSpan.FromSeconds(2))); // not echoed to the typist
        Assert.Equal(eventsBefore, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM live_events"));
    }

    [Fact]
    public async Task ASecondTypingPostWithinTwoSecondsIsRefusedWith429AndAnnouncesNothing()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        await using var staffStream = await SseReader.OpenAsync(staff.Http, $"/events?conversationId={id}");
        Assert.NotNull(await staffStream.WaitForAsync(e => e.Type == "ready", Wait));

        var first = await client.PostFormAsync($"/portal/messages/{id}", $"/messages/typing/{id}", []);
        var second = await client.PostFormAsync($"/portal/messages/{id}", $"/messages/typing/{id}", []);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("2", second.Headers.GetValues("Retry-After").Single());
        Assert.NotNull(await staffStream.WaitForAsync(e => e.Type == $"typing-{id}", Wait));
        Assert.Null(await staffStream.WaitForAsync(e => e.Type == $"typing-{id}", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task TypingAnInternalNoteReachesStaffButNeverTheClient()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        using var admin = await factory.SignInAsync(Demo.Admin);
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await using var clientStream = await SseReader.OpenAsync(client.Http, "/events");
        await using var adminStream = await SseReader.OpenAsync(admin.Http, "/events");
        Assert.NotNull(await clientStream.WaitForAsync(e => e.Type == "ready", Wait));
        Assert.NotNull(await adminStream.WaitForAsync(e => e.Type == "ready", Wait));

        var response = await staff.PostFormAsync($"/staff/messages/{id}", $"/messages/typing/{id}?note=true", []);
        var clientNote = await client.PostFormAsync($"/portal/messages/{id}", $"/messages/typing/{id}?note=true", []);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, clientNote.StatusCode);
        Assert.NotNull(await adminStream.WaitForAsync(e => e.Type == $"typing-{id}", Wait));
        Assert.Null(await clientStream.WaitForAsync(e => e.Type == $"typing-{id}", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task TypingWithoutTheAntiforgeryTokenOrInSomeoneElsesConversationIsRefused()
    {
        using var client = await factory.SignInAsync(Demo.Client2);
        var own = await factory.Database.ConversationIdAsync("Shipping samples");
        var other = await factory.Database.ConversationIdAsync("Invoice question");

        var noToken = await client.PostFormAsync("/portal/messages", $"/messages/typing/{own}", [], withToken: false);
        var foreign = await client.PostFormAsync("/portal/messages", $"/messages/typing/{other}", []);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
