using Messaging.Core.Access;
using Messaging.Core.Common;

namespace Messaging.Core.Export;

/// <summary>
/// What the export page of one conversation was asked: the dates (<see cref="DatesReadable"/> false when the
/// query string held something that is not a date), internal notes, and the format (null: only show the form).
/// </summary>
public sealed record ConversationExportRequest(long ConversationId, DateOnly? From, DateOnly? To, bool IncludeInternalNotes, string? Format, bool DatesReadable = true);

/// <summary>
/// The export page's answer: the plan (of the whole conversation when the request was refused), what was asked
/// (shown in the form again), and either the format to deliver or why nothing is delivered.
/// </summary>
public sealed record ConversationExport(ExportPlan Plan, ExportRequest Asked, ExportFormat? Format, string? Error)
{
    /// <summary>The format to deliver now: asked for, and nothing refused.</summary>
    public ExportFormat? Deliver => Error is null ? Format : null;
}

/// <summary>
/// Exports one conversation (the thread's export form): a conversation the member may not see is not found,
/// whatever else the request says; refused dates or format come back with the reason and the plan of the whole
/// conversation, for the form; otherwise the checked plan and the format to deliver.
/// </summary>
public sealed class PrepareConversationExport(PrepareExport prepare)
{
    public async Task<Result<ConversationExport>> HandleAsync(CurrentMember me, ConversationExportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = new ExportRequest(
            [request.ConversationId], request.DatesReadable ? request.From : null, request.DatesReadable ? request.To : null, request.IncludeInternalNotes);
        var result = await prepare.HandleAsync(me, asked, ct);
        if (result.Failure == FailureKind.NotFound)
        {
            return Result<ConversationExport>.NotFound();
        }

        if (!result.Succeeded || !request.DatesReadable)
        {
            var whole = result.Succeeded ? result : await prepare.HandleAsync(me, asked with { From = null, To = null }, ct);
            return whole.Succeeded
                ? Result<ConversationExport>.Ok(new ConversationExport(whole.Value!, asked, null, request.DatesReadable ? result.Error : ExportRequest.BadDate))
                : Result<ConversationExport>.NotFound();
        }

        if (string.IsNullOrEmpty(request.Format))
        {
            return Result<ConversationExport>.Ok(new ConversationExport(result.Value!, asked, null, null));
        }

        return Result<ConversationExport>.Ok(ExportRequest.TryParseFormat(request.Format, out var format)
            ? new ConversationExport(result.Value!, asked, format, null)
            : new ConversationExport(result.Value!, asked, null, ExportRequest.NoFormat));
    }
}
