using System.Net;
using Messaging.Tests.Infrastructure;
using MimeKit;

namespace Messaging.Tests.Email;

/// <summary>
/// Email as a channel, against a real IMAP server (dovecot): the workspace's mailbox set on <c>/admin/mailbox</c>, mail
/// delivered into it over IMAP, the poller's pass run by the test. Replies land in their threads (reply address, then
/// In-Reply-To) with their files; a client's new mail starts a General conversation; an unknown sender's is held for
/// staff; automatic mail never posts or answers; each mail is handled once, also by two pollers at the same time.
/// </summary>
public sealed class ImapChannelTests(ImapFactory factory) : IClassFixture<ImapFactory>
{
    private static readonly SemaphoreSlim Serial = new(1, 1);

    private async Task ConfigureMailboxAsync(string? password = null)
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var saved = await admin.PostFormAsync("/admin/mailbox", "/admin/mailbox", new()
        {
            ["Input.Enabled"] = "true",
            ["Input.Host"] = "127.0.0.1",
            ["Input.Port"] = factory.Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Security"] = "StartTls",
            ["Input.UserName"] = factory.Imap.User,
            ["Input.Password"] = password ?? factory.Imap.Password,
            ["Input.Folder"] = "INBOX",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // What an earlier test left in the shared mailbox is handled first, so each test counts only its own mail.
        while (await factory.PollAsync() > 0)
        {
        }
    }

    /// <summary>A staff message the client has not read, emailed: the conversation, the reply address and the Message-ID of the notification.</summary>
    private async Task<(long Conversation, string ReplyTo, string MessageId)> NotifiedClientAsync()
    {
        var mark = await factory.FreshStartAsync();
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        await factory.SendAsync(Demo.Staff, kickoff, $"Please check the proof {Guid.NewGuid():N}");
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.DispatchAsync();
        var mail = Assert.Single(factory.MailSince(mark, Demo.Client));
        return (kickoff, mail.Header("Reply-To")!, mail.Header("Message-ID")!);
    }

    private Task<long> CountAsync(string sql) => factory.Database.ScalarAsync<long>(sql);

    [Fact]
    public async Task RepliesByReplyAddressAndByInReplyToLandInTheirThreadWithTheirFilesWithoutQuotesOrSignature()
    {
        await Serial.WaitAsync();
        try
        {
            await ConfigureMailboxAsync();
            var (kickoff, replyTo, messageId) = await NotifiedClientAsync();
            var byToken = $"Proof approved {Guid.NewGuid():N}";
            var byHeader = $"One more thing {Guid.NewGuid():N}";
            await factory.DeliverAsync(
                ImapFactory.Compose("Chloe Client <client@demo.local>", replyTo, $"Re: proof {byToken}", $"{byToken}\n\n-- \nChloe\n\nOn Mon, 3 Nov 2026, Portal wrote:\n> Please check", null, ("signed.png", TestFiles.Png), ("evil.exe", "MZ\0\0"u8.ToArray())),
                ImapFactory.Compose("client@demo.local", "support@portal.local", $"Re: proof {byToken}", $"{byHeader}\n> quoted", messageId));

            Assert.Equal(2, await factory.PollAsync());

            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM messages WHERE conversation_id = {kickoff} AND body = '{byToken}' AND channel = 'Email'"));
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM messages WHERE conversation_id = {kickoff} AND body = '{byHeader}' AND channel = 'Email'"));
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.body = '{byToken}' AND a.file_name = 'signed.png'"));
            Assert.Equal(0L, await CountAsync("SELECT count(*) FROM attachments WHERE file_name = 'evil.exe'"));
            Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM inbound_mails WHERE status = 'Posted' AND conversation_id = {kickoff} AND subject = 'Re: proof {byToken}'"));

            // Restarted (a new pass): nothing is handled twice.
            Assert.Equal(0, await factory.PollAsync());
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM messages WHERE body = '{byToken}'"));
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task AKnownClientStartsAGeneralConversationAndAnUnknownSenderIsHeldUntilStaffReleaseOrDiscardIt()
    {
        await Serial.WaitAsync();
        try
        {
            await ConfigureMailboxAsync();
            var tag = Guid.NewGuid().ToString("N")[..8];
            await factory.DeliverAsync(
                ImapFactory.Compose("client@demo.local", "support@portal.local", $"New brief {tag}", $"Here is a new brief {tag}"),
                ImapFactory.Compose("stranger@else.example", "support@portal.local", $"Hello {tag}", $"Who are you {tag}"),
                ImapFactory.Compose("spam@else.example", "support@portal.local", $"Spam {tag}", $"Buy now {tag}"));

            Assert.Equal(3, await factory.PollAsync());

            var started = await factory.Database.ScalarAsync<long>($"SELECT id FROM conversations WHERE subject = 'New brief {tag}' AND category = 'General'");
            var clientId = await factory.Database.MemberIdAsync(Demo.Client);
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM messages WHERE conversation_id = {started} AND author_member_id = {clientId} AND channel = 'Email' AND body = 'Here is a new brief {tag}'"));
            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM messages WHERE body LIKE '%{tag}' AND body NOT LIKE 'Here is%'"));

            using var viewer = await factory.SignInAsync(Demo.Viewer);
            Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/staff/mail/held")).StatusCode);
            using var manager = await factory.SignInAsync(Demo.Manager);
            var page = await manager.GetPageAsync("/staff/mail/held");
            var rows = page.QuerySelectorAll("[data-testid=held-mail-row]").Where(r => r.TextContent.Contains(tag, StringComparison.Ordinal)).ToList();
            Assert.Equal(2, rows.Count);
            var stranger = rows.Single(r => r.QuerySelector("[data-testid=held-from]")!.TextContent == "stranger@else.example").GetAttribute("data-mail-id")!;
            var spam = rows.Single(r => r.QuerySelector("[data-testid=held-from]")!.TextContent == "spam@else.example").GetAttribute("data-mail-id")!;

            var released = await manager.PostFormAsync("/staff/mail/held", "/staff/mail/held?handler=Release", new() { ["mailId"] = stranger, ["clientId"] = clientId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.subject = 'Hello {tag}' AND m.author_member_id = {clientId} AND m.body = 'Who are you {tag}'"));
            var discarded = await manager.PostFormAsync("/staff/mail/held", "/staff/mail/held?handler=Discard", new() { ["mailId"] = spam });
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
            Assert.Equal("Discarded", await factory.Database.ScalarAsync<string>($"SELECT status FROM inbound_mails WHERE id = {spam}"));
            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM messages WHERE body = 'Buy now {tag}'"));

            // Released or discarded again, or someone else's id: 404, nothing changes.
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostFormAsync("/staff/mail/held", "/staff/mail/held?handler=Discard", new() { ["mailId"] = stranger })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await manager.PostFormAsync("/staff/mail/held", "/staff/mail/held?handler=Release", new() { ["mailId"] = "999999", ["clientId"] = clientId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task AutoRepliesBouncesAndListMailNeverPostAndNeverAnswer()
    {
        await Serial.WaitAsync();
        try
        {
            await ConfigureMailboxAsync();
            var (_, replyTo, _) = await NotifiedClientAsync();
            var mark = factory.Mail.All().Count;
            var body = $"Out of office {Guid.NewGuid():N}";
            var headers = new (string Name, string Value)[]
            {
                ("Auto-Submitted", "auto-replied"), ("Precedence", "bulk"), ("Precedence", "list"), ("Precedence", "junk"),
                ("List-Id", "<news.else.example>"), ("Return-Path", "<>"), ("X-Autoreply", "yes"),
            };
            var mails = headers.Select(h =>
            {
                var m = ImapFactory.Compose("client@demo.local", replyTo, "Auto: away", body);
                m.Headers.Add(h.Name, h.Value);
                return m;
            }).ToList();
            mails.Add(ImapFactory.Compose("stranger@else.example", "support@portal.local", "Undeliverable", body));
            mails[^1].Headers.Add("Auto-Submitted", "auto-generated");
            await factory.DeliverAsync(mails);

            Assert.Equal(mails.Count, await factory.PollAsync());
            await factory.DispatchAsync();

            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM messages WHERE body = '{body}'"));
            Assert.Equal(mails.Count, await CountAsync($"SELECT count(*) FROM inbound_mails WHERE status = 'Ignored' AND subject IN ('Auto: away', 'Undeliverable')"));
            Assert.Empty(factory.Mail.All().Skip(mark));
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task TwoPollersOnOneDatabaseHandleAMailBombOf200MessagesEachExactlyOnceAndHoldThemAll()
    {
        await Serial.WaitAsync();
        try
        {
            await ConfigureMailboxAsync();
            var tag = Guid.NewGuid().ToString("N")[..8];
            await factory.DeliverAsync(Enumerable.Range(1, 200).Select(i => ImapFactory.Compose("bomber@else.example", "support@portal.local", $"Bomb {tag} {i}", $"Flood {i}")));
            var mark = factory.Mail.All().Count;

            var totals = new int[2];
            while (true)
            {
                var pass = await Task.WhenAll(factory.PollAsync(), factory.PollAsync());
                totals[0] += pass[0];
                totals[1] += pass[1];
                if (pass.Sum() == 0)
                {
                    break;
                }
            }

            Assert.Equal(200, totals.Sum());
            Assert.Equal(200L, await CountAsync($"SELECT count(*) FROM inbound_mails WHERE subject LIKE 'Bomb {tag} %' AND status = 'Held'"));
            Assert.Equal(200L, await CountAsync($"SELECT count(DISTINCT uid) FROM inbound_mails WHERE subject LIKE 'Bomb {tag} %'"));
            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM messages WHERE body LIKE 'Flood %'"));
            await factory.DispatchAsync();
            Assert.DoesNotContain(factory.Mail.All().Skip(mark), m => m.To == "bomber@else.example");
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task AHugeMailAMalformedOneADuplicateAndAnotherWorkspacesReplyAddressHaveAClearOutcomeAndNothingIsLost()
    {
        await Serial.WaitAsync();
        try
        {
            await ConfigureMailboxAsync();
            var (kickoff, replyTo, _) = await NotifiedClientAsync();
            var tag = Guid.NewGuid().ToString("N")[..8];
            var huge = ImapFactory.Compose("client@demo.local", "support@portal.local", $"Huge {tag}", new string('x', (int)ImapFactory.MaxMailBytes + 10_000));
            var twice = ImapFactory.Compose("client@demo.local", replyTo, $"Twice {tag}", $"Said once {tag}");
            await factory.DeliverAsync(huge, twice, twice);
            await factory.DeliverAsync(ImapFactory.Senderless($"this is not a mail {tag}"));

            Assert.Equal(3, await factory.PollAsync()); // the second copy is recorded, not handled

            // Not downloaded (so its subject is unknown here): held with the reason, left in the mailbox.
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM inbound_mails WHERE size_bytes > {ImapFactory.MaxMailBytes} AND status = 'Held' AND raw IS NULL AND reason LIKE 'Too large%'"));
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM inbound_mails WHERE status = 'Held' AND reason LIKE 'Not readable%'"));
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM messages WHERE conversation_id = {kickoff} AND body = 'Said once {tag}'"));
            Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM inbound_mails WHERE subject = 'Twice {tag}' AND status = 'Ignored' AND reason LIKE 'A copy%'"));

            // The same reply address read by another workspace's mailbox: ignored there, nothing posted, nobody told.
            var other = await factory.Database.ScalarAsync<long>("INSERT INTO workspaces (name, messages_enabled, created_at) VALUES ('Other agency', true, now()) RETURNING id");
            await factory.Database.ExecuteAsync($"INSERT INTO workspace_mailboxes (workspace_id, enabled, host, port, security, user_name, protected_password, folder, updated_at) SELECT {other}, true, host, port, security, user_name, protected_password, folder, now() FROM workspace_mailboxes WHERE workspace_id <> {other} LIMIT 1");
            var foreign = ImapFactory.Compose("client@demo.local", replyTo, $"Foreign {tag}", $"Cross workspace {tag}");
            await factory.DeliverAsync(foreign);
            await factory.Database.ExecuteAsync($"UPDATE workspace_mailboxes SET enabled = false WHERE workspace_id <> {other}");
            var mark = factory.Mail.All().Count;
            Assert.True(await factory.PollAsync() >= 1);
            await factory.DispatchAsync();
            await factory.Database.ExecuteAsync($"UPDATE workspace_mailboxes SET enabled = true WHERE workspace_id <> {other}; DELETE FROM workspace_mailboxes WHERE workspace_id = {other}");

            Assert.Equal("Ignored", await factory.Database.ScalarAsync<string>($"SELECT status FROM inbound_mails WHERE workspace_id = {other} AND subject = 'Foreign {tag}'"));
            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM messages WHERE body = 'Cross workspace {tag}'"));
            Assert.Empty(factory.Mail.All().Skip(mark));
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task ThePasswordIsStoredProtectedNeverShownAndAWrongOneIsReportedOnTheSettingsPage()
    {
        await Serial.WaitAsync();
        try
        {
            await ConfigureMailboxAsync(password: "wrong-password");
            Assert.Equal(0L, await CountAsync("SELECT count(*) FROM workspace_mailboxes WHERE protected_password LIKE '%wrong-password%' OR protected_password = ''"));

            Assert.Equal(0, await factory.PollAsync());

            using var admin = await factory.SignInAsync(Demo.Admin);
            var page = await admin.GetPageAsync("/admin/mailbox");
            Assert.DoesNotContain("wrong-password", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.Contains("Last checked", page.QuerySelector("[data-testid=mailbox-status]")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("working", page.QuerySelector("[data-testid=mailbox-status]")!.TextContent, StringComparison.Ordinal);

            var bad = await admin.PostFormAsync("/admin/mailbox", "/admin/mailbox", new() { ["Input.Enabled"] = "true", ["Input.Host"] = "bad host", ["Input.Port"] = "143", ["Input.Security"] = "StartTls", ["Input.UserName"] = "x" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Equal(1L, await CountAsync("SELECT count(*) FROM workspace_mailboxes WHERE host = '127.0.0.1'"));

            await ConfigureMailboxAsync();
            Assert.Equal(0, await factory.PollAsync());
            Assert.Contains("working", (await admin.GetPageAsync("/admin/mailbox")).QuerySelector("[data-testid=mailbox-status]")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Serial.Release();
        }
    }
}
