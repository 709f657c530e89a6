using System.Globalization;
using System.Text.RegularExpressions;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Inbox;

/// <summary>
/// The variables a saved reply may use, filled in for the conversation it is inserted into. An unknown
/// variable is left as typed (and the author is warned when saving), so nothing is silently dropped.
/// </summary>
public static partial class ReplyTemplate
{
    public const string ClientFirstName = "client.first_name";
    public const string ProjectName = "project.name";
    public const string StaffFirstName = "staff.first_name";

    public static IReadOnlyList<string> Known { get; } = [ClientFirstName, ProjectName, StaffFirstName];

    /// <summary>The variables as pages list them: <c>{{client.first_name}}, …</c>.</summary>
    public static string VariableList => string.Join(", ", Known.Select(Braced));

    public static string Braced(string name) => string.Create(CultureInfo.InvariantCulture, $"{{{{{name}}}}}");

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Variable();

    public static IReadOnlyList<string> UnknownVariables(string body) =>
        Variable().Matches(body ?? "").Select(m => m.Groups[1].Value).Where(v => !Known.Contains(v)).Distinct().ToList();

    public static string Render(string body, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Variable().Replace(body ?? "", m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    public static string FirstName(string? displayName) =>
        (displayName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}

public sealed record SavedReplyView(long Id, string Title, string Body, bool IsShared, bool CanDelete);

/// <summary>The saved replies a staff member may use: the workspace's and their own.</summary>
public sealed class ListSavedReplies(MessagingDbContext db)
{
    public async Task<IReadOnlyList<SavedReplyView>> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return [];
        }

        var manage = me.Can(Permissions.ManageInbox);
        return await db.SavedReplies.AsNoTracking()
            .Where(r => r.WorkspaceId == me.WorkspaceId && (r.OwnerMemberId == null || r.OwnerMemberId == me.MemberId))
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .Select(r => new SavedReplyView(r.Id, r.Title, r.Body, r.OwnerMemberId == null, r.OwnerMemberId == me.MemberId || (r.OwnerMemberId == null && manage)))
            .ToListAsync(ct);
    }
}

/// <summary>The member's saved replies with the variables filled in for one conversation (the reply box's picker).</summary>
public sealed class RenderSavedReplies(MessagingDbContext db, ListSavedReplies list)
{
    public async Task<IReadOnlyList<SavedReplyView>?> HandleAsync(CurrentMember me, long conversationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var conversation = await db.Conversations.AsNoTracking().VisibleTo(me).Where(c => c.Id == conversationId)
            .Select(c => new
            {
                Project = c.Project != null ? c.Project.Name : null,
                Client = c.Participants.Where(p => p.Member!.Kind == MemberKind.Client).OrderBy(p => p.JoinedAt).Select(p => p.Member!.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (conversation is null || !me.IsStaff)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReplyTemplate.ClientFirstName] = ReplyTemplate.FirstName(conversation.Client),
            [ReplyTemplate.ProjectName] = conversation.Project ?? "",
            [ReplyTemplate.StaffFirstName] = ReplyTemplate.FirstName(me.DisplayName),
        };
        return (await list.HandleAsync(me, ct)).Select(r => r with { Body = ReplyTemplate.Render(r.Body, values) }).ToList();
    }
}

/// <summary>What saving a reply tells the author: its id, and the variables it does not know (kept as typed).</summary>
public sealed record SavedReplySaved(long Id, IReadOnlyList<string> UnknownVariables);

/// <summary>
/// Saves a reply for the member, or for the whole workspace (<see cref="Permissions.ManageInbox"/>).
/// Unknown variables do not stop the save: they are reported so the page can warn.
/// </summary>
public sealed class CreateSavedReply(MessagingDbContext db, TimeProvider clock)
{
    public const string TitleField = "Title";
    public const string BodyField = "Body";

    public async Task<Result<SavedReplySaved>> HandleAsync(CurrentMember me, string? title, string? body, bool shared, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsStaff)
        {
            return Result<SavedReplySaved>.NotFound();
        }

        if (shared && !me.Can(Permissions.ManageInbox))
        {
            return Result<SavedReplySaved>.Forbidden("Only managers can save replies for the whole team; save it as your own instead.");
        }

        var cleanTitle = (title ?? "").Trim();
        if (cleanTitle.Length is 0 or > SavedReply.MaxTitleLength)
        {
            return Result<SavedReplySaved>.Invalid(TitleField, $"Give the reply a title of 1 to {SavedReply.MaxTitleLength} characters.");
        }

        if (MessageBodyRules.Validate(body) is { } error)
        {
            return Result<SavedReplySaved>.Invalid(BodyField, error);
        }

        var reply = new SavedReply
        {
            WorkspaceId = me.WorkspaceId,
            OwnerMemberId = shared ? null : me.MemberId,
            Title = cleanTitle,
            Body = MessageBodyRules.Normalize(body!),
            CreatedAt = clock.GetUtcNow(),
        };
        db.SavedReplies.Add(reply);
        await db.SaveChangesAsync(ct);
        return Result<SavedReplySaved>.Ok(new SavedReplySaved(reply.Id, ReplyTemplate.UnknownVariables(reply.Body)));
    }
}

/// <summary>Deletes one's own saved reply, or a workspace reply for Managers; anything else is not found.</summary>
public sealed class DeleteSavedReply(MessagingDbContext db)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, long replyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var manage = me.IsStaff && me.Can(Permissions.ManageInbox);
        var reply = await db.SavedReplies.SingleOrDefaultAsync(
            r => r.Id == replyId && r.WorkspaceId == me.WorkspaceId && (r.OwnerMemberId == me.MemberId || (r.OwnerMemberId == null && manage)), ct);
        if (reply is null || !me.IsStaff)
        {
            return Result<long>.NotFound();
        }

        db.SavedReplies.Remove(reply);
        await db.SaveChangesAsync(ct);
        return Result<long>.Ok(replyId);
    }
}
