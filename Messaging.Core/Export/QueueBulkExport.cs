using Messaging.Core.Access;
using Messaging.Core.Common;

namespace Messaging.Core.Export;

/// <summary>A bulk export from the conversation list: the selected (or listed) conversations, dates, notes and format as posted.</summary>
public sealed record BulkExportRequest(
    IReadOnlyList<long> ConversationIds, DateOnly? From, DateOnly? To, bool IncludeInternalNotes, string? Format, bool DatesReadable = true);

/// <summary>
/// Checks a bulk export (readable dates, a format, then <see cref="PrepareExport"/>: a foreign or invisible id is not
/// found) and queues it as a background job, whatever its size. Returns the job's id.
/// </summary>
public sealed class QueueBulkExport(PrepareExport prepare, QueueExportJob queue)
{
    public async Task<Result<long>> HandleAsync(CurrentMember me, BulkExportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.DatesReadable)
        {
            return Result<long>.Invalid(ExportRequest.FromField, ExportRequest.BadDate);
        }

        if (!ExportRequest.TryParseFormat(request.Format, out var format))
        {
            return Result<long>.Invalid(ExportRequest.FormatField, ExportRequest.NoFormat);
        }

        var plan = await prepare.HandleAsync(me, new ExportRequest(request.ConversationIds, request.From, request.To, request.IncludeInternalNotes), ct);
        return plan.Succeeded
            ? Result<long>.Ok(await queue.HandleAsync(me, plan.Value!, format, ct))
            : new Result<long>(0, plan.Failure, plan.Field, plan.Error);
    }
}
