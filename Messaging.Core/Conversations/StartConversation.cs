using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Core.Safety;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Conversations;

public sealed record StartConversationCommand(
    string? Subject,
    string? Body,
    IReadOnlyList<long> ParticipantIds,
    long? ProjectId,
    Guid? IdempotencyKey,
    IReadOnlyList<StoredFile>? Attachments = null);

/// <summary>
/// Starts a conversation with a subject and a first message. Clients write to one team member of one
/// of their projects; staff start a direct conversation with one person or a group with several.
/// Everyone named must be someone <see cref="ListRecipients"/> offers. Files already in the blob store
/// (<see cref="GetNewConversationUploadPolicy"/>) go with the first message; with files the text may be empty, and a
/// project's quota, checked again under its lock, refuses them all and starts nothing.
/// </summary>
public sealed class StartConversation(MessagingDbContext db, ListRecipients recipients, MessageWriter writer, AttachmentWriter attachments, TimeProvider clock, DomainEvents events)
{
    public const string SubjectField = "Subject";
    public const string BodyField = "Body";
    public const string ParticipantsField = "ParticipantIds";
    public const int MaxSubjectLength = 200;
    public const int MaxParticipants = 50;

    public async Task<Result<long>> HandleAsync(CurrentMember me, StartConversationCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(command);

        if (!await db.Workspaces.AnyAsync(w => w.Id == me.WorkspaceId && w.MessagesEnabled, ct) || !me.Can(Permissions.View))
        {
            return Result<long>.NotFound();
        }

        if (!me.Can(Permissions.Send))
        {
            return Result<long>.Forbidden("You do not have permission to send messages.");
        }

        var subject = command.Subject?.Trim();
        if (string.IsNullOrEmpty(subject))
        {
            return Result<long>.Invalid(SubjectField, "Give the conversation a subject.");
        }

        if (subject.Length > MaxSubjectLength)
        {
            return Result<long>.Invalid(SubjectField, $"A subject can be at most {MaxSubjectLength} characters.");
        }

        var files = command.Attachments ?? [];
        if ((files.Count == 0 || !string.IsNullOrWhiteSpace(command.Body)) && MessageBodyRules.Validate(command.Body) is { } bodyError)
        {
            return Result<long>.Invalid(BodyField, bodyError);
        }

        var chosen = command.ParticipantIds.Where(id => id != me.MemberId).Distinct().ToList();
        if (chosen.Count == 0)
        {
            return Result<long>.Invalid(ParticipantsField, "Choose who the conversation is with.");
        }

        if (chosen.Count > (me.IsClient ? 1 : MaxParticipants))
        {
            return Result<long>.Invalid(ParticipantsField, me.IsClient
                ? "Choose one team member to write to."
                : $"A conversation can have at most {MaxParticipants} participants.");
        }

        var options = await recipients.HandleAsync(me, ct);
        var projectId = ResolveProject(me, command.ProjectId, chosen, options);
        if (projectId.Failure != FailureKind.None)
        {
            return projectId;
        }

        if (await ContactRules.RefusalForStartAsync(db, me, chosen, ct) is { } refusal)
        {
            return Result<long>.Invalid(ParticipantsField, refusal);
        }

        return await IdempotentWrite.RunAsync(
            db,
            () => writer.FindByKeyAsync(me, command.IdempotencyKey, m => m.ConversationId, ct),
            async () =>
            {
                var now = clock.GetUtcNow();
                var conversation = new Conversation
                {
                    WorkspaceId = me.WorkspaceId,
                    ProjectId = projectId.Value == 0 ? null : projectId.Value,
                    Subject = subject,
                    Category = projectId.Value == 0 ? ConversationCategory.General : ConversationCategory.Project,
                    CreatedByMemberId = me.MemberId,
                    CreatedAt = now,
                    LastActivityAt = now,
                    LastPublicActivityAt = now,
                };
                conversation.Participants.AddRange(
                    chosen.Prepend(me.MemberId).Select(id => new Participant { MemberId = id, JoinedAt = now }));
                db.Conversations.Add(conversation);
                await events.SaveAndPublishAsync(new ConversationStarted(conversation, me), ct);
                var message = await writer.AppendAsync(me, conversation, command.Body ?? "", MessageVisibility.Everyone, command.IdempotencyKey, ct);
                return await attachments.AppendAsync(me, conversation, message, files, ct) is { } refusal
                    ? Result<long>.Invalid(AttachmentFields.Files, refusal)
                    : Result<long>.Ok(conversation.Id);
            },
            ct);
    }

    /// <summary>The project the conversation belongs to (0 for none), checked against what the member may choose.</summary>
    private static Result<long> ResolveProject(CurrentMember me, long? requested, List<long> chosen, RecipientOptions options)
    {
        if (requested is { } pid && options.Projects.All(p => p.Id != pid))
        {
            return Result<long>.Invalid(ParticipantsField, "Choose one of your projects.");
        }

        if (me.IsClient)
        {
            var teamMember = options.Recipients.FirstOrDefault(r => r.MemberId == chosen[0] && (requested is null || r.ProjectId == requested));
            return teamMember?.ProjectId is { } project
                ? Result<long>.Ok(project)
                : Result<long>.Invalid(ParticipantsField, "You can write to the team members of your projects.");
        }

        foreach (var id in chosen)
        {
            var matches = options.Recipients.Where(r => r.MemberId == id).ToList();
            if (matches.Count == 0)
            {
                return Result<long>.Invalid(ParticipantsField, "Someone you chose is not a colleague or a client of your projects.");
            }

            if (requested is { } p && matches[0].Kind == MemberKind.Client && matches.All(r => r.ProjectId != p))
            {
                return Result<long>.Invalid(ParticipantsField, $"{matches[0].DisplayName} is not a client contact of the chosen project.");
            }
        }

        if (requested is { } chosenProject)
        {
            return Result<long>.Ok(chosenProject);
        }

        // No project chosen: if every client named shares exactly one project, the thread belongs to it.
        var clientProjects = chosen
            .Select(id => options.Recipients.Where(r => r.MemberId == id && r.Kind == MemberKind.Client).Select(r => r.ProjectId!.Value).ToHashSet())
            .Where(set => set.Count > 0)
            .ToList();
        if (clientProjects.Count == 0)
        {
            return Result<long>.Ok(0);
        }

        var common = clientProjects.Aggregate((a, b) => [.. a.Intersect(b)]);
        return Result<long>.Ok(common.Count == 1 ? common.First() : 0);
    }
}
