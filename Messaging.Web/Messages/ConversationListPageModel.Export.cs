using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Export;
using Messaging.Web.Exports;
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
        var me = await services.Accessor.RequireAsync(ct);
        var result = await PrepareAsync(me, exportScope == ViewScope ? await ListedIdsAsync(ct) : ids ?? [], format, from, to, notes, ct);
        if (!result.Succeeded)
        {
            return await this.AnswerAsync(result, _ => NotFound(), () => ListAgainAsync(() => ExportError = result.Error, ct), StatusCodes.Status422UnprocessableEntity);
        }

        _ = ExportFormModel.TryParseFormat(format, out var chosen);
        var job = await services.QueueExport.HandleAsync(me, result.Value!, chosen, ct);
        services.ExportSignal.Wake();
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/exports/jobs/{job}"));
    }

    private async Task<Result<ExportPlan>> PrepareAsync(
        CurrentMember me, long[] selection, string? format, DateOnly? from, DateOnly? to, bool notes, CancellationToken ct) =>
        !ModelState.IsValid ? Result<ExportPlan>.Invalid(ExportRequest.FromField, ExportFormModel.BadDate)
        : !ExportFormModel.TryParseFormat(format, out _) ? Result<ExportPlan>.Invalid(ExportFormModel.FormatField, ExportFormModel.NoFormat)
        : await services.PrepareExport.HandleAsync(me, new ExportRequest(selection, from, to, notes), ct);

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
