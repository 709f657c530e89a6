using System.Text.RegularExpressions;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Messaging.Core.Messages;

namespace Messaging.Core.Inbox;

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
