using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Channels;

/// <summary>Every message says how it reached the thread (<c>data-channel</c>) and who sent it; the held-mail link is in the navigation of those who work it.</summary>
public sealed class MessageChannelDisplayTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task EachMessageShowsItsChannelAndItsSender()
    {
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var clientId = await factory.Database.MemberIdAsync(Demo.Client);
        var byMail = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {kickoff} AND author_member_id = {clientId} AND kind = 'Text'");
        await factory.Database.ExecuteAsync($"UPDATE messages SET channel = 'Email' WHERE id = {byMail}");
        var byText = await factory.Database.ScalarAsync<long>($"SELECT max(id) FROM messages WHERE conversation_id = {kickoff} AND author_member_id = {clientId} AND kind = 'Text' AND id < {byMail}");
        await factory.Database.ExecuteAsync($"UPDATE messages SET channel = 'Sms' WHERE id = {byText}");

        using var staff = await factory.SignInAsync(Demo.Staff);
        var thread = await staff.GetPageAsync($"/staff/messages/{kickoff}");
        var messages = thread.QuerySelectorAll("[data-testid=message]");
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.NotNull(m.QuerySelector("[data-testid=message-channel][data-channel]")));

        var mail = thread.QuerySelector($"#m-{byMail} [data-testid=message-channel]")!;
        Assert.Equal("email", mail.GetAttribute("data-channel"));
        Assert.Equal("via email", mail.TextContent);
        Assert.Equal("Sent by Chloe Client by email", mail.GetAttribute("title"));
        var sms = thread.QuerySelector($"#m-{byText} [data-testid=message-channel]")!;
        Assert.Equal("sms", sms.GetAttribute("data-channel"));
        Assert.Equal("via SMS", sms.TextContent);
        var app = messages.First(m => m.Id != $"m-{byMail}" && m.Id != $"m-{byText}").QuerySelector("[data-testid=message-channel]")!;
        Assert.Equal("app", app.GetAttribute("data-channel"));
    }

    [Theory]
    [InlineData(Demo.Manager, true)]
    [InlineData(Demo.Admin, true)]
    [InlineData(Demo.Staff, false)]
    [InlineData(Demo.Viewer, false)]
    [InlineData(Demo.Client, false)]
    public async Task HeldMailIsInTheNavigationOfThoseWhoManageTheInbox(string email, bool shown)
    {
        using var member = await factory.SignInAsync(email);
        var page = await member.GetPageAsync(email == Demo.Client ? "/portal/messages" : "/staff/messages");
        var link = page.QuerySelector("[data-testid=nav-held-mail]");
        Assert.Equal(shown, link is not null);
        if (shown)
        {
            Assert.Equal("/staff/mail/held", link!.GetAttribute("href"));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await member.GetAsync("/staff/mail/held")).StatusCode);
        }
    }
}
