using System.Net;
using System.Net.Http.Json;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Notifications;

/// <summary>Reply by email through <c>POST /inbound/email</c>: the round trip, a wrong sender, an expired address, loop protection and bad posts.</summary>
public sealed class EmailReplyTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly int[] NotAMail = [1, 2, 3];

    private sealed record InboundAnswer(string Outcome);

    /// <summary>A staff message the client has not read, emailed: returns the conversation and the signed reply address.</summary>
    private async Task<(long Conversation, string ReplyTo, int Mark)> NotifiedClientAsync()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await factory.SendAsync(Demo.Staff, kickoff, $"Can you approve the draft? {Guid.NewGuid():N}");
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.DispatchAsync();
        var mail = Assert.Single(factory.MailSince(mark, Demo.Client));
        return (kickoff, mail.Header("Reply-To")!, factory.Mail.All().Count);
    }

    private static object Mail(string from, string to, string text, Dictionary<string, string>? headers = null, string? messageId = null) => new
    {
        from,
        to = new[] { to },
        subject = "Re: your conversation",
        text,
        html = (string?)null,
        attachments = Array.Empty<object>(),
        headers = headers ?? [],
        messageId = messageId ?? $"<{Guid.NewGuid():N}@mail.example>",
    };

    private static async Task<string> OutcomeOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InboundAnswer>())!.Outcome;
    }

    private Task<long> MessagesWithBodyAsync(string body) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM messages WHERE body = '{body}'");

    [Fact]
    public async Task AReplyIsPostedAsTheRecipientMarkedViaEmailWithoutQuoteOrSignatureAndOnlyOnce()
    {
        var (kickoff, replyTo, _) = await NotifiedClientAsync();
        var body = $"Approved, go ahead {Guid.NewGuid():N}";
        var text = $"{body}\n\n-- \nChloe Client\nNorthwind buyer\n\nOn Mon, 3 Nov 2026 at 10:00, Portal wrote:\n> Can you approve the draft?\n";
        var mail = Mail("Chloe Client <client@demo.local>", replyTo, text, messageId: "<reply-1@mail.example>");

        Assert.Equal("Posted", await OutcomeOfAsync(await factory.PostInboundAsync(mail)));
        Assert.Equal("Posted", await OutcomeOfAsync(await factory.PostInboundAsync(mail)));

        Assert.Equal(1L, await MessagesWithBodyAsync(body));
        var clientId = await factory.Database.MemberIdAsync(Demo.Client);
        Assert.Equal("Email", await factory.Database.ScalarAsync<string>($"SELECT channel FROM messages WHERE body = '{body}' AND author_member_id = {clientId} AND conversation_id = {kickoff}"));
        using var staff = await factory.SignInAsync(Demo.Staff);
        var thread = await staff.GetPageAsync($"/staff/messages/{kickoff}");
        var posted = thread.QuerySelectorAll("[data-testid=message]").Single(m => m.TextContent.Contains(body, StringComparison.Ordinal));
        Assert.Equal("via email", posted.QuerySelector("[data-testid=message-channel]")!.TextContent);
        Assert.DoesNotContain("Northwind buyer", posted.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("approve the draft?", posted.QuerySelector("[data-testid=message-body]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyWithAttachmentsIsPostedAndTheMemberIsToldTheFilesWereNotAdded()
    {
        var (kickoff, replyTo, mark) = await NotifiedClientAsync();
        var body = $"See the attached proof {Guid.NewGuid():N}";
        var mail = new
        {
            from = "client@demo.local",
            to = replyTo,
            subject = "Re: proof",
            text = body,
            attachments = new[] { new { filename = "proof.pdf", contentType = "application/pdf", size = 1234 } },
        };

        Assert.Equal("Posted", await OutcomeOfAsync(await factory.PostInboundAsync(mail)));
        await factory.DispatchAsync();

        Assert.Equal(1L, await MessagesWithBodyAsync(body));
        var notice = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Equal("Your email reply was posted without its attachments", notice.Subject);
        Assert.Contains($"/portal/messages/{kickoff}", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyFromAnotherAddressIsNotPostedAndTheMemberIsToldByEmail()
    {
        var (_, replyTo, mark) = await NotifiedClientAsync();
        var body = $"Forwarded reply {Guid.NewGuid():N}";

        Assert.Equal("Refused", await OutcomeOfAsync(await factory.PostInboundAsync(Mail("Mallory <mallory@evil.example>", replyTo, body))));
        await factory.DispatchAsync();

        Assert.Equal(0L, await MessagesWithBodyAsync(body));
        var notice = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Equal("A reply to your conversation was not posted", notice.Subject);
        Assert.Contains("mallory@evil.example", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Mail.All().Skip(mark), m => m.To == "mallory@evil.example");
    }

    [Fact]
    public async Task AnExpiredReplyAddressBouncesWithALinkToTheThread()
    {
        var (kickoff, replyTo, mark) = await NotifiedClientAsync();
        factory.Clock.Advance(TimeSpan.FromDays(31));
        var body = $"Late answer {Guid.NewGuid():N}";

        Assert.Equal("Expired", await OutcomeOfAsync(await factory.PostInboundAsync(Mail("client@demo.local", replyTo, body))));
        await factory.DispatchAsync();

        Assert.Equal(0L, await MessagesWithBodyAsync(body));
        var bounce = Assert.Single(factory.MailSince(mark, Demo.Client));
        Assert.Contains("expired", bounce.Subject, StringComparison.Ordinal);
        Assert.Contains($"/portal/messages/{kickoff}", bounce.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutomaticMailAndOurOwnMailAreIgnoredSoNoLoopCanStart()
    {
        var (_, replyTo, mark) = await NotifiedClientAsync();
        var body = $"I am out of office {Guid.NewGuid():N}";
        var automatic = new[]
        {
            Mail("client@demo.local", replyTo, body, new() { ["Auto-Submitted"] = "auto-replied" }),
            Mail("client@demo.local", replyTo, body, new() { ["Precedence"] = "bulk" }),
            Mail("client@demo.local", replyTo, body, new() { ["Precedence"] = "auto_reply" }),
            Mail("client@demo.local", replyTo, body, messageId: "<notification-1@portal.local>"),
            Mail("notifications@portal.local", replyTo, body),
            Mail("client@demo.local", "reply+1.1.99999999999.000000000000000000000000@portal.local", body),
        };

        foreach (var mail in automatic)
        {
            Assert.Equal("Ignored", await OutcomeOfAsync(await factory.PostInboundAsync(mail)));
        }

        await factory.DispatchAsync();
        Assert.Equal(0L, await MessagesWithBodyAsync(body));
        Assert.Empty(factory.Mail.All().Skip(mark));
    }

    [Fact]
    public async Task BadSignaturesMalformedAndOversizePostsAreRefusedWithoutPostingAnything()
    {
        var (_, replyTo, _) = await NotifiedClientAsync();
        var body = $"Unsigned {Guid.NewGuid():N}";

        var unsigned = await factory.PostInboundAsync(Mail("client@demo.local", replyTo, body), signature: "sha256=00");
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        var malformed = await factory.PostInboundAsync(NotAMail);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var oversize = await factory.PostInboundAsync(Mail("client@demo.local", replyTo, new string('x', 70_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);

        Assert.Equal(0L, await MessagesWithBodyAsync(body));
    }

    [Fact]
    public async Task ARawMimeReplyIsParsedByMimeKitAndPostedAndTheOutboxRowKeepsTheMessageIdItWasSentWith()
    {
        var (kickoff, replyTo, _) = await NotifiedClientAsync();
        var sent = factory.Mail.All()[^1];
        Assert.Equal(sent.Header("Message-ID"), await factory.Database.ScalarAsync<string>(
            $"SELECT message_id FROM email_outbox WHERE conversation_id = {kickoff} AND status = 'Sent' ORDER BY sent_at DESC LIMIT 1"));
        var body = $"Raw approval {Guid.NewGuid():N}";
        var raw = System.Text.Encoding.UTF8.GetBytes(
            "From: Chloe Client <client@demo.local>\r\n" +
            $"To: {replyTo}\r\n" +
            "Subject: Re: your conversation\r\n" +
            $"Message-ID: <raw-{Guid.NewGuid():N}@mail.example>\r\n" +
            $"In-Reply-To: {sent.Header("Message-ID")}\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
            $"{body} =E2=9C=85\r\n\r\n-- \r\nChloe\r\n\r\n" +
            "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>ignored html</p>\r\n" +
            "--b1--\r\n");

        Assert.Equal("Posted", await OutcomeOfAsync(await factory.PostInboundMimeAsync(raw)));
        Assert.Equal("Posted", await OutcomeOfAsync(await factory.PostInboundMimeAsync(raw)));

        Assert.Equal(1L, await MessagesWithBodyAsync($"{body} \u2705"));
    }

    [Fact]
    public async Task RawMimeThatIsNotAMailOrIsBadlySignedIsRefusedWithoutPostingAnything()
    {
        var (_, replyTo, _) = await NotifiedClientAsync();
        var body = $"Raw unsigned {Guid.NewGuid():N}";
        var raw = System.Text.Encoding.UTF8.GetBytes($"From: client@demo.local\r\nTo: {replyTo}\r\nSubject: x\r\n\r\n{body}\r\n");

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.PostInboundMimeAsync(raw, signature: "sha256=00")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.PostInboundMimeAsync(System.Text.Encoding.UTF8.GetBytes($"To: {replyTo}\r\n\r\n{body}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.PostInboundMimeAsync([0, 1, 2, 0xff, 0xfe])).StatusCode);

        Assert.Equal(0L, await MessagesWithBodyAsync(body));
    }
}
