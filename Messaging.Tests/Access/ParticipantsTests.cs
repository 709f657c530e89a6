using System.Net;
using System.Net.Http.Headers;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Live;

namespace Messaging.Tests.Access;

/// <summary>Staff adding and removing people in a conversation, and what that does to their access.</summary>
public sealed class ParticipantsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static Task<HttpResponseMessage> ChangeAsync(PortalClient staff, long conversation, string handler, long memberId) =>
        staff.PostFormAsync($"/staff/messages/{conversation}", $"/staff/messages/{conversation}?handler={handler}", new() { ["memberId"] = $"{memberId}" });

    private Task<long> ParticipantCountAsync(long conversation) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM conversation_participants WHERE conversation_id = {conversation}");

    private Task<bool> IsParticipantAsync(long conversation, long member) =>
        factory.Database.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM conversation_participants WHERE conversation_id = {conversation} AND member_id = {member})");

    private static async Task<HttpStatusCode> OpenStreamStatusAsync(PortalClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    [Fact]
    public async Task StaffSeeThePanelWithOnlyThePeopleTheyMayAdd()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var sol = await factory.Database.MemberIdAsync(Demo.Subcontractor);
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);
        var carlos = await factory.Database.MemberIdAsync(Demo.Client2);
        var chloe = await factory.Database.MemberIdAsync(Demo.Client);

        var thread = await sam.GetPageAsync($"/staff/messages/{kickoff}");
        var panel = thread.QuerySelector("[data-testid=participants-panel]");
        var options = thread.QuerySelectorAll("[data-testid=participant-add-member] option").Select(o => o.GetAttribute("value")).ToList();

        Assert.NotNull(panel);
        Assert.Contains(panel.QuerySelectorAll("[data-testid=participant]"), p => p.GetAttribute("data-member-id") == $"{chloe}");
        Assert.Contains($"{sol}", options);
        Assert.Contains($"{vic}", options);
        Assert.DoesNotContain($"{carlos}", options);
        Assert.DoesNotContain($"{chloe}", options);
    }

    [Fact]
    public async Task AddingAndRemovingASubcontractorIsRecordedAndGivesAndTakesAccess()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var solClient = await factory.SignInAsync(Demo.Subcontractor);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var sol = await factory.Database.MemberIdAsync(Demo.Subcontractor);
        await solClient.GetPageAsync($"/portal/messages/{kickoff}", HttpStatusCode.NotFound);

        var added = await ChangeAsync(sam, kickoff, "AddParticipant", sol);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await IsParticipantAsync(kickoff, sol));
        var staffView = await sam.GetPageAsync($"/staff/messages/{kickoff}");
        Assert.Contains("Sam Staff added Sol Subcontractor", staffView.QuerySelectorAll("[data-testid=system-line]")[^1].TextContent, StringComparison.Ordinal);
        Assert.Contains(staffView.QuerySelectorAll("[data-testid=participant]"), p => p.GetAttribute("data-member-id") == $"{sol}");

        var solView = await solClient.GetPageAsync($"/portal/messages/{kickoff}");
        Assert.Contains("Sam Staff added Sol Subcontractor", solView.QuerySelectorAll("[data-testid=system-line]")[^1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("budget is tight", solView.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var solList = await solClient.GetPageAsync("/portal/messages");
        Assert.Contains(solList.QuerySelectorAll("[data-testid=conversation-row]"), r => r.GetAttribute("data-conversation-id") == $"{kickoff}");
        var chloeView = await chloe.GetPageAsync($"/portal/messages/{kickoff}");
        Assert.Contains(chloeView.QuerySelectorAll("[data-testid=system-line]"), l => l.TextContent.Contains("Sam Staff added Sol Subcontractor", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await solClient.GetAsync($"/portal/messages/{kickoff}?handler=Newer&after=0", htmx: true)).StatusCode);

        await using var stream = await SseReader.OpenAsync(solClient.Http, $"/events?conversationId={kickoff}");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));

        var removed = await ChangeAsync(sam, kickoff, "RemoveParticipant", sol);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await IsParticipantAsync(kickoff, sol));
        Assert.True(await stream.WaitForCloseAsync(Wait), "Sol's event stream for the conversation stayed open after removal");

        staffView = await sam.GetPageAsync($"/staff/messages/{kickoff}");
        Assert.Contains("Sam Staff removed Sol Subcontractor", staffView.QuerySelectorAll("[data-testid=system-line]")[^1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(staffView.QuerySelectorAll("[data-testid=participant]"), p => p.GetAttribute("data-member-id") == $"{sol}");
        await solClient.GetPageAsync($"/portal/messages/{kickoff}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await solClient.GetAsync($"/portal/messages/{kickoff}?handler=Newer&after=0", htmx: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await OpenStreamStatusAsync(solClient, $"/events?conversationId={kickoff}"));
        solList = await solClient.GetPageAsync("/portal/messages");
        Assert.DoesNotContain(solList.QuerySelectorAll("[data-testid=conversation-row]"), r => r.GetAttribute("data-conversation-id") == $"{kickoff}");
        chloeView = await chloe.GetPageAsync($"/portal/messages/{kickoff}");
        Assert.Contains("Sam Staff removed Sol Subcontractor", chloeView.QuerySelectorAll("[data-testid=system-line]")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingSomeoneOutsideTheProjectIsRefusedAndNothingChanges()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var carlos = await factory.Database.MemberIdAsync(Demo.Client2);
        var before = await ParticipantCountAsync(kickoff);
        var messages = await factory.Database.MessageCountAsync(kickoff);

        var response = await ChangeAsync(sam, kickoff, "AddParticipant", carlos);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Choose someone from the list", page.QuerySelector("[data-testid=participant-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ParticipantCountAsync(kickoff));
        Assert.Equal(messages, await factory.Database.MessageCountAsync(kickoff));
        Assert.False(await IsParticipantAsync(kickoff, carlos));
    }

    [Fact]
    public async Task AddingAMemberOfAnotherWorkspaceIsRefused()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var (_, _, foreign) = await factory.Database.AddForeignWorkspaceAsync();
        var before = await ParticipantCountAsync(kickoff);

        var response = await ChangeAsync(sam, kickoff, "AddParticipant", foreign);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await ParticipantCountAsync(kickoff));
        Assert.False(await IsParticipantAsync(kickoff, foreign));
    }

    [Fact]
    public async Task ViewersAndClientsCannotChangeParticipants()
    {
        using var vic = await factory.SignInAsync(Demo.Viewer);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var sol = await factory.Database.MemberIdAsync(Demo.Subcontractor);
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);
        var before = await ParticipantCountAsync(kickoff);

        var viewerPanel = (await vic.GetPageAsync($"/staff/messages/{kickoff}")).QuerySelector("[data-testid=participants-panel]");
        var viewerAdd = await ChangeAsync(vic, kickoff, "AddParticipant", sol);
        var viewerRemove = await ChangeAsync(vic, kickoff, "RemoveParticipant", sam);
        var clientAdd = await chloe.PostFormAsync("/portal/messages", $"/staff/messages/{kickoff}?handler=AddParticipant", new() { ["memberId"] = $"{sol}" });
        var clientRemove = await chloe.PostFormAsync("/portal/messages", $"/staff/messages/{kickoff}?handler=RemoveParticipant", new() { ["memberId"] = $"{sam}" });
        var portalAdd = await chloe.PostFormAsync("/portal/messages", $"/portal/messages/{kickoff}?handler=AddParticipant", new() { ["memberId"] = $"{sol}" });

        Assert.Null(viewerPanel?.QuerySelector("[data-testid=participant-add-form]"));
        Assert.Null(viewerPanel?.QuerySelector("[data-testid=participant-remove]"));
        Assert.Equal(HttpStatusCode.NotFound, viewerAdd.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viewerRemove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, clientAdd.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, clientRemove.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, portalAdd.StatusCode);
        Assert.Equal(before, await ParticipantCountAsync(kickoff));
        Assert.False(await IsParticipantAsync(kickoff, sol));
        Assert.True(await IsParticipantAsync(kickoff, sam));
    }

    [Fact]
    public async Task RemovingSomeoneWhoIsNotInTheConversationIsRefused()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);
        var before = await ParticipantCountAsync(kickoff);
        var messages = await factory.Database.MessageCountAsync(kickoff);

        var response = await ChangeAsync(sam, kickoff, "RemoveParticipant", vic);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not in this conversation", page.QuerySelector("[data-testid=participant-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ParticipantCountAsync(kickoff));
        Assert.Equal(messages, await factory.Database.MessageCountAsync(kickoff));
    }

    [Fact]
    public async Task TheConversationListPreviewSkipsSystemLines()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var vic = await factory.Database.MemberIdAsync(Demo.Viewer);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(sam, moodboard, "AddParticipant", vic)).StatusCode);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE conversation_id = {moodboard} AND kind <> 'Text'"));

        foreach (var (client, list) in new[] { (sam, "/staff/messages"), (chloe, "/portal/messages") })
        {
            var page = await client.GetPageAsync(list);
            var row = page.QuerySelectorAll("[data-testid=conversation-row]").Single(r => r.GetAttribute("data-conversation-id") == $"{moodboard}");
            Assert.DoesNotContain("added Vic Viewer", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("less stock photography", row.TextContent, StringComparison.Ordinal);
        }
    }
}
