using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Inbox;

/// <summary>Conversation status (issue 9): set by staff, reopened by a client message, "waiting on client" after a staff reply unless turned off; response times stored.</summary>
public sealed class StatusTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task StaffCloseAConversationAndItIsAuditedAndListedUnderClosed()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Catalogue wrap-up");

        var response = await sam.SetStatusAsync(id, "Closed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Closed", await factory.Database.StatusAsync(id));
        Assert.Contains("Catalogue wrap-up", await sam.InboxSubjectsAsync("view=Closed"));
        Assert.DoesNotContain("Catalogue wrap-up", await sam.InboxSubjectsAsync("view=Unassigned"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE action = 'conversation.status' AND object_id = '{id}' AND detail = 'Open -> Closed'"));
    }

    [Fact]
    public async Task AnUnknownStatusIsRefusedWithAMessage()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");

        var response = await sam.SetStatusAsync(id, "Snoozed");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Open", await factory.Database.StatusAsync(id));
    }

    [Fact]
    public async Task AClientMessageReopensAClosedConversation()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        await sam.SetStatusAsync(id, "Closed");

        await chloe.ReplyAsync("portal", id, "One more question after all.");

        Assert.Equal("Open", await factory.Database.StatusAsync(id));
    }

    [Fact]
    public async Task AStaffReplySetsWaitingOnClientAndStoresTheResponseTimes()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var carlos = await factory.SignInAsync(Demo.Client2);
        var id = await factory.Database.ConversationIdAsync("Shipping samples"); // two client messages, no answer yet

        await sam.ReplyAsync("staff", id, "They arrived, thank you!");
        Assert.Equal("WaitingOnClient", await factory.Database.StatusAsync(id));
        await carlos.ReplyAsync("portal", id, "Great, any feedback?");
        Assert.Equal("Open", await factory.Database.StatusAsync(id));
        await sam.ReplyAsync("staff", id, "Note to self", handler: "Note"); // an internal note is no response
        await sam.ReplyAsync("staff", id, "Feedback by Friday.");

        var rows = await factory.Database.ScalarAsync<string>($"SELECT string_agg(is_first::text || ':' || (asked_at < responded_at)::text, ',' ORDER BY id) FROM conversation_responses WHERE conversation_id = {id}");
        Assert.Equal("true:true,false:true", rows);
        var firstAsked = await factory.Database.ScalarAsync<bool>($"""
            SELECT r.asked_at = (SELECT min(m.created_at) FROM messages m JOIN members a ON a.id = m.author_member_id WHERE m.conversation_id = {id} AND a.kind = 'Client')
            FROM conversation_responses r WHERE r.conversation_id = {id} AND r.is_first
            """);
        Assert.True(firstAsked); // the wait counts from the client's first unanswered message
    }

    [Fact]
    public async Task WithTheWorkspaceSettingOffAStaffReplyLeavesTheStatusOpen()
    {
        using var sam = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        await factory.Database.ExecuteAsync("UPDATE workspaces SET staff_reply_sets_waiting = false");
        try
        {
            await sam.ReplyAsync("staff", id, "Another update on the timeline.");

            Assert.Equal("Open", await factory.Database.StatusAsync(id));
        }
        finally
        {
            await factory.Database.ExecuteAsync("UPDATE workspaces SET staff_reply_sets_waiting = true");
        }
    }

    [Fact]
    public async Task WaitingOnClientListsConversationsTheTeamAnswered()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var id = await factory.Database.ConversationIdAsync("Invoice question");

        await admin.ReplyAsync("staff", id, "Sent to accounts@chloe.example.");

        Assert.Contains("Invoice question", await admin.InboxSubjectsAsync("view=Waiting"));
    }

    [Fact]
    public async Task TheHistoryBeforeTheMigrationGetsItsResponseTimesBackfilled()
    {
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");

        // 18 questions each answered 41 minutes later (the two closing staff messages answer nobody); Ada answered Chloe two hours later.
        Assert.Equal("18:2460:1", await factory.Database.ScalarAsync<string>(
            $"SELECT count(*) || ':' || min(seconds) || ':' || count(*) FILTER (WHERE is_first) FROM conversation_responses WHERE conversation_id = {kickoff} AND seconds = 2460"));
        Assert.Equal(7200, await factory.Database.ScalarAsync<int>($"SELECT seconds FROM conversation_responses WHERE conversation_id = {moodboard} AND is_first"));
    }
}
