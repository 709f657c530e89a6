using System.Globalization;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Export;
using Messaging.Web.Exports;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Messages;

/// <summary>
/// Bulk export from the list (<c>?handler=Export</c>, posted by the bulk bar with the list's own filters in the
/// URL): the selected conversations, or every conversation the current view lists (read through the same
/// <see cref="ListConversations"/> query as the page, so the export matches what the member filtered). Always a
/// background job; the answer redirects to its progress page. A foreign or invisible id is 404.
/// </summary>
public abstract partial class ConversationListPageModel
{
    public const string ViewScope = "view";

    /// <summary>Why the last export was refused, shown in the export menu.</summary>
    public string? ExportError { get; private set; }

    public string ExportUrl => ListUrl(1) + "&handler=Export";

    public async Task<IActionResult> OnPostExportAsync(
        long[]? ids, string? exportScope, string? format, DateOnly? from, DateOnly? to, bool notes,
        [FromServices] PrepareExport prepare, [FromServices] QueueExportJob queue, [FromServices] ExportJobSignal signal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(signal);
        var me = await accessor.RequireAsync(ct);
        var selection = exportScope == ViewScope ? await ListedIdsAsync(ct) : ids ?? [];
        var known = ExportFormModel.TryParseFormat(format, out var chosen);
        var result = !ModelState.IsValid ? Result<ExportPlan>.Invalid(ExportRequest.FromField, ExportFormModel.BadDate)
            : !known ? Result<ExportPlan>.Invalid(ExportFormModel.FormatField, ExportFormModel.NoFormat)
            : await prepare.HandleAsync(me, new ExportRequest(selection, from, to, notes), ct);
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            ExportError = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await OnGetAsync(ct);
        }

        var job = await queue.HandleAsync(me, result.Value!, chosen, ct);
        signal.Wake();
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/exports/jobs/{job}"));
    }

    /// <summary>Every conversation the current view lists (all its pages), up to the most one export may hold.</summary>
    private async Task<long[]> ListedIdsAsync(CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var ids = new List<long>();
        for (var page = 1; ids.Count <= ExportRequest.MaxConversations; page++)
        {
            var rows = await list.HandleAsync(me, Query with { Page = page, PageSize = 100 }, ct);
            ids.AddRange(rows.Rows.Select(r => r.Id));
            if (!rows.HasMore)
            {
                break;
            }
        }

        return [.. ids];
    }
}
