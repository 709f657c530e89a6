using System.Security.Cryptography;
using System.Text;
using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Members;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Core.Notifications;

/// <summary>An inbound email as the webhook delivers it (the signature was checked by the endpoint).</summary>
public sealed record InboundEmail(string From, IReadOnlyList<string> To, string? Subject, string? Text, string? Html)
{
    /// <summary>Header names are matched without regard to case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? MessageId { get; init; }

    /// <summary>The Message-IDs this mail answers (<c>In-Reply-To</c> first, then <c>References</c>, newest first), with angle brackets.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    public int AttachmentCount { get; init; }

    /// <summary>The attached files with their content (raw MIME); the JSON webhook only counts them.</summary>
    public IReadOnlyList<InboundFile> Files { get; init; } = [];
}

/// <summary>An attached file of an inbound mail: its name as sent and its decoded content.</summary>
public sealed record InboundFile(string? FileName, Func<Stream> Open);

public enum InboundOutcome
{
    /// <summary>Appended to the thread as the token's member, "via email".</summary>
    Posted,

    /// <summary>Automatic mail, our own mail, or an address that is not a valid reply address: nothing done, nothing answered (no loops).</summary>
    Ignored,

    /// <summary>Not posted; the token's member was told by email (wrong sender, or the thread refused it).</summary>
    Refused,

    /// <summary>The reply address had expired; the member got a bounce that links to the thread.</summary>
    Expired,

    /// <summary>Nothing was left after removing quotes and signature.</summary>
    Empty,
}

/// <summary>
/// Appends an email reply to the conversation its signed reply address names, as the member it was
/// sent to, marked as arrived by email; through <see cref="SendMessage"/>, so every rule of the thread
/// applies. Never answers automatic mail (<c>Auto-Submitted</c>, <c>Precedence: bulk/auto_reply</c>,
/// our own Message-IDs), so two auto-responders cannot start a loop; the idempotency key derives from
/// the mail's Message-ID, so a webhook delivered twice posts once.
/// </summary>
public sealed class ReceiveEmailReply(
    MessagingDbContext db,
    ReplyTokens tokens,
    IAccountDirectory accounts,
    LoadCurrentMember load,
    SendMessage send,
    EnqueueNotice notice,
    GetUploadPolicy policies,
    StoreInboundFiles files,
    DiscardUnusedUploads discard,
    IOptions<NotificationOptions> options)
{
    public Task<InboundOutcome> HandleAsync(InboundEmail email, CancellationToken ct) => HandleAsync(email, null, ct);

    /// <summary>The same, for a workspace's own mailbox: a thread of another workspace is ignored (nothing posted, nobody told).</summary>
    public async Task<InboundOutcome> HandleAsync(InboundEmail email, long? workspaceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (IsAutomatic(email))
        {
            return InboundOutcome.Ignored;
        }

        var token = await FindThreadAsync(email, ct);
        if (token.State == ReplyTokenState.Invalid)
        {
            return InboundOutcome.Ignored;
        }

        var member = await db.Members.AsNoTracking().Where(m => m.Id == token.MemberId && m.IsActive)
            .Select(m => new { m.Id, m.UserId, m.WorkspaceId, m.Kind }).SingleOrDefaultAsync(ct);
        var address = member is null ? null : (await accounts.EmailsAsync([member.UserId], ct)).GetValueOrDefault(member.UserId);
        if (member is null || string.IsNullOrEmpty(address) || (workspaceId is { } ws && member.WorkspaceId != ws))
        {
            return InboundOutcome.Ignored;
        }

        var key = KeyOf(email);
        var link = NotificationEmails.ThreadLink(options.Value.PublicBaseUrl, member.Kind == MemberKind.Staff, token.ConversationId);
        if (!string.Equals(SenderAddress(email.From), address, StringComparison.OrdinalIgnoreCase))
        {
            await notice.HandleAsync(member.WorkspaceId, member.Id, "A reply to your conversation was not posted",
                $"""
                We received an email reply to one of your conversation notifications from {SenderAddress(email.From) ?? "an unknown address"}, which is not your address ({address}).
                It was not posted. If it was you, reply from {address} or answer in the portal: {link}
                """, $"refused:{key}", ct);
            return InboundOutcome.Refused;
        }

        if (token.State == ReplyTokenState.Expired)
        {
            await notice.HandleAsync(member.WorkspaceId, member.Id, "Your email reply was not posted: the reply address has expired",
                $"""
                Reply addresses in notification emails work for {options.Value.ReplyTokenDays} days, and the one you answered has expired, so your reply was not posted.
                Open the conversation and answer there (or reply to a newer notification): {link}
                """, $"expired:{key}", ct);
            return InboundOutcome.Expired;
        }

        var body = ReplyText.Extract(email.Text, email.Html);
        if (body.Length == 0 && email.Files.Count == 0)
        {
            return InboundOutcome.Empty;
        }

        var me = await load.HandleAsync(member.UserId, ct);
        if (me is null || me.MemberId != member.Id)
        {
            return InboundOutcome.Ignored;
        }

        UploadBatch? batch = null;
        try
        {
            IReadOnlyList<string> refused = [];
            if (email.Files.Count > 0 && await policies.HandleAsync(me, token.ConversationId, ct) is { } policy)
            {
                batch = new UploadBatch(policy);
                refused = await files.HandleAsync(batch, email.Files, ct);
            }

            if (body.Length == 0 && (batch?.Files.Count ?? 0) == 0)
            {
                return InboundOutcome.Empty;
            }

            var command = new SendMessageCommand(token.ConversationId, body, key, Attachments: batch?.Files) { Channel = MessageChannel.Email };
            var result = await send.HandleAsync(me, command, ct);
            if (result.Succeeded)
            {
                if (email.AttachmentCount > 0 && email.Files.Count == 0)
                {
                    await notice.HandleAsync(member.WorkspaceId, member.Id, "Your email reply was posted without its attachments",
                        $"Your reply was posted, but files sent by email are not added to conversations. Add them in the portal: {link}", $"files:{key}", ct);
                }
                else if (refused.Count > 0)
                {
                    await notice.HandleAsync(member.WorkspaceId, member.Id, "Some files of your email reply were not added",
                        $"Your reply was posted, but not every file:\n{string.Join('\n', refused.Select(r => "- " + r))}\nAdd them in the portal if you need to: {link}", $"files:{key}", ct);
                }

                return InboundOutcome.Posted;
            }

            var reason = result.Failure == FailureKind.NotFound ? "this conversation is no longer available to you." : result.Error;
            await notice.HandleAsync(member.WorkspaceId, member.Id, "Your email reply was not posted",
                $"Your reply could not be posted: {reason}\nOpen the conversation: {link}", $"failed:{key}", ct);
            return InboundOutcome.Refused;
        }
        finally
        {
            await discard.HandleAsync(batch, CancellationToken.None);
        }
    }

    /// <summary>
    /// The thread a mail answers: its signed reply address first, then the first of its <c>In-Reply-To</c>/<c>References</c>
    /// that names one of our single-conversation emails (the recipient it was sent to, that conversation). Invalid when neither.
    /// </summary>
    public async Task<ReplyTokenCheck> FindThreadAsync(InboundEmail email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var token = tokens.Read(email.To);
        if (token.State != ReplyTokenState.Invalid || email.Answers.Count == 0)
        {
            return token;
        }

        var answers = email.Answers.Take(20).ToList();
        var sent = await db.EmailOutbox.AsNoTracking()
            .Where(o => o.MessageId != null && answers.Contains(o.MessageId) && o.ConversationId != null && o.Kind == EmailKind.Messages && o.Status == EmailStatus.Sent)
            .Select(o => new { o.MessageId, o.RecipientMemberId, ConversationId = o.ConversationId!.Value })
            .ToListAsync(ct);
        foreach (var answer in answers)
        {
            var threads = sent.Where(o => o.MessageId == answer).Select(o => (o.RecipientMemberId, o.ConversationId)).Distinct().ToList();
            if (threads.Count == 1)
            {
                return new ReplyTokenCheck(ReplyTokenState.Valid, threads[0].RecipientMemberId, threads[0].ConversationId);
            }
        }

        return token;
    }

    /// <summary>Auto-replies, bounces, list mail and our own mail: never posted, never answered.</summary>
    public bool IsAutomatic(InboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        string? Header(string name) => email.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();
        var autoSubmitted = Header("Auto-Submitted");
        var precedence = Header("Precedence")?.ToLowerInvariant();
        var messageId = email.MessageId ?? Header("Message-ID") ?? "";
        return (autoSubmitted is not null && !autoSubmitted.Equals("no", StringComparison.OrdinalIgnoreCase))
            || precedence is "bulk" or "auto_reply" or "junk" or "list"
            || Header("X-Autoreply") is not null || Header("X-Autorespond") is not null
            || Header("List-Id") is not null || Header("Return-Path") == "<>"
            || messageId.Contains($"@{options.Value.MailDomain}>", StringComparison.OrdinalIgnoreCase)
            || string.Equals(SenderAddress(email.From), options.Value.FromAddress, StringComparison.OrdinalIgnoreCase);
    }

    private static string? SenderAddress(string from) => EmailAddress.AddressOf(from);

    /// <summary>One key per inbound mail: from its Message-ID, or from its content when it has none.</summary>
    public static Guid KeyOf(InboundEmail email)
    {
        var basis = email.MessageId ?? $"{email.From}\n{string.Join(',', email.To)}\n{email.Subject}\n{email.Text}\n{email.Html}";
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(basis)).AsSpan(0, 16));
    }
}
