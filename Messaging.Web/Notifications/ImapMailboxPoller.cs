using System.ComponentModel.DataAnnotations;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Messaging.Core.Email;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Notifications;

/// <summary>How often the workspaces' mailboxes are read (<c>Messaging:Email:Imap</c>).</summary>
public sealed class ImapPollOptions
{
    public const string Section = "Messaging:Email:Imap";

    /// <summary>Polling, not IDLE: one short connection per mailbox per pass, so any number of nodes and workspaces share no long-lived state.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 20;

    /// <summary>Tests that run a pass themselves turn the loop off.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>SHA-256 (hex) of a mail server certificate to trust although it does not validate (a private server's self-signed one).</summary>
    public string? TrustedCertificateSha256 { get; set; }
}

/// <summary>
/// Every few seconds, on every node: for each enabled mailbox, connects with MailKit's <see cref="ImapClient"/>,
/// opens the folder, and hands every message not yet recorded for this UIDVALIDITY to
/// <see cref="ReceiveMailboxMail"/> (one scope each), which claims it in the database first — so two nodes polling
/// the same mailbox, or a restart mid-way, handle each mail once. A mail over the size limit is not downloaded
/// (held for staff, left in the mailbox). Handled mail is flagged \Seen, never deleted: nothing is lost. A mailbox
/// that refuses the login or is unreachable is recorded on its settings page and tried again at the next pass.
/// </summary>
public sealed class ImapMailboxPoller(
    IServiceScopeFactory scopes,
    IOptions<ImapPollOptions> options,
    ILogger<ImapMailboxPoller> logger) : Infrastructure.PollingService(logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string WorkName => "Reading workspace mailboxes";

    protected override Task RunOnceAsync(CancellationToken ct) => RunOnceAsync(scopes, ct);

    /// <summary>One pass over every enabled mailbox (also what tests call). Returns how many mails this pass handled.</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        IReadOnlyList<MailboxToCheck> mailboxes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            mailboxes = await scope.ServiceProvider.GetRequiredService<ListMailboxesToCheck>().HandleAsync(ct);
        }

        var handled = 0;
        foreach (var mailbox in mailboxes)
        {
            string? error = null;
            try
            {
                handled += await ReadAsync(scopes, mailbox, ct);
            }
            catch (Exception ex) when (ex is ImapCommandException or ImapProtocolException or MailKit.Security.AuthenticationException
                or MailKit.Security.SslHandshakeException or System.Net.Sockets.SocketException or IOException or TimeoutException
                or FolderNotFoundException or InvalidOperationException)
            {
                error = ex.Message;
            }

            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ListMailboxesToCheck>().RecordCheckAsync(mailbox.WorkspaceId, error, ct);
        }

        return handled;
    }

    private static async Task<int> ReadAsync(IServiceScopeFactory scopes, MailboxToCheck mailbox, CancellationToken ct)
    {
        if (mailbox.Password is null)
        {
            throw new InvalidOperationException("The stored password can't be read any more (the data protection keys changed): enter it again.");
        }

        IOptions<ImapPollOptions> poll;
        IOptions<EmailChannelOptions> limits;
        await using (var scope = scopes.CreateAsyncScope())
        {
            poll = scope.ServiceProvider.GetRequiredService<IOptions<ImapPollOptions>>();
            limits = scope.ServiceProvider.GetRequiredService<IOptions<EmailChannelOptions>>();
        }

        using var client = new ImapClient { Timeout = poll.Value.TimeoutSeconds * 1000 };
        client.ServerCertificateValidationCallback = MailSockets.Validator(poll.Value.TrustedCertificateSha256);
        await client.ConnectAsync(mailbox.Host, mailbox.Port, MailSockets.Options(mailbox.Security), ct);
        await client.AuthenticateAsync(mailbox.UserName, mailbox.Password, ct);
        var folder = await client.GetFolderAsync(mailbox.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var uidValidity = (long)folder.UidValidity;
        var uids = await folder.SearchAsync(SearchQuery.All, ct);
        IReadOnlyList<long> open;
        await using (var scope = scopes.CreateAsyncScope())
        {
            open = await scope.ServiceProvider.GetRequiredService<ListMailboxesToCheck>()
                .UnhandledAsync(mailbox.WorkspaceId, uidValidity, uids.Select(u => (long)u.Id).ToList(), ct);
        }

        var handled = 0;
        foreach (var uid in open.Take(limits.Value.BatchSize).Select(u => new UniqueId(folder.UidValidity, (uint)u)))
        {
            var summary = (await folder.FetchAsync([uid], MessageSummaryItems.Size | MessageSummaryItems.UniqueId, ct)).FirstOrDefault();
            if (summary is null)
            {
                continue; // expunged meanwhile
            }

            var size = (long)(summary.Size ?? 0);
            byte[]? raw = null;
            if (size <= limits.Value.MaxMailBytes)
            {
                using var buffer = new MemoryStream();
                await using (var stream = await folder.GetStreamAsync(uid, ct))
                {
                    await stream.CopyToAsync(buffer, ct);
                }

                raw = buffer.ToArray();
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var status = await scope.ServiceProvider.GetRequiredService<ReceiveMailboxMail>()
                    .HandleAsync(mailbox.WorkspaceId, new MailboxMessage(uidValidity, uid.Id, size, raw), ct);
                if (status is not null)
                {
                    handled++;
                }
            }

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
        }

        await client.DisconnectAsync(quit: true, ct);
        return handled;
    }
}
