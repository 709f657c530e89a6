using System.Globalization;
using Messaging.Core.Conversations;
using Messaging.Core.Export;
using Messaging.Web.Infrastructure;
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
        long[]? ids, string? exportScope, string? format, DateOnly? from, DateOnly? to, bool notes, CancellationToken ct)
    {
        var selection = exportScope == ViewScope ? await ListedIdsAsync(ct) : ids ?? [];
        var request = new BulkExportRequest(selection, from, to, notes, format, ModelState.IsValid);
        var result = await services.QueueBulkExport.HandleAsync(await services.Accessor.RequireAsync(ct), request, ct);
        return await this.AnswerAsync(result, JobStarted, () => ListAgainAsync(() => ExportError = result.Error, ct), StatusCodes.Status422UnprocessableEntity);
    }

    private RedirectResult JobStarted(long job)
    {
        services.ExportSignal.Wake();
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/exports/jobs/{job}"));
    }

    /// <summary>Every conversation the current view lists (all its pages), up to the most one export may hold.</summary>
    private async Task<long[]> ListedIdsAsync(CancellationToken ct)
    {
        var me = await services.Accessor.RequireAsync(ct);
        var ids = new List<long>();
        for (var page = 1; ids.Count <= ExportRequest.MaxConversations; page++)
        {
            var rows = await services.List.HandleAsync(me, Query with { Page = page, PageSize = 100 }, ct);
            ids.AddRange(rows.Rows.Select(r => r.Id));
            if (!rows.HasMore)
            {
                break;
            }
        }

        return [.. ids];
    }
}
