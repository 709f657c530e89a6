using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Export;
using Messaging.Web.Exports;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Exports;

/// <summary>
/// Exports one conversation (<c>/exports/conversation/{id}?format=pdf|csv&amp;from=&amp;to=&amp;notes=</c>), what the
/// thread's export form asks. Without a format it shows the form; a refusal (dates, format, Chromium missing)
/// shows it again with the reason; a conversation the member may not see is 404.
/// </summary>
[MessagesModule]
[Authorize(Policy = Permissions.View)]
public sealed class ConversationModel(CurrentMemberAccessor accessor, PrepareExport prepare, ExportDelivery delivery, PdfRenderer pdf) : PageModel
{
    public ExportPlan Plan { get; private set; } = null!;

    public ExportFormModel Form { get; private set; } = null!;

    public string ThreadUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(long id, string? format, DateOnly? from, DateOnly? to, bool notes, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var datesRead = ModelState.IsValid;
        var request = new ExportRequest([id], datesRead ? from : null, datesRead ? to : null, notes);
        var result = await prepare.HandleAsync(me, request, ct);
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        ThreadUrl = string.Create(CultureInfo.InvariantCulture, $"{NavigationModel.MessagesPath(me)}/{id}");
        Form = new ExportFormModel($"/exports/conversation/{id}", me.IsStaff, pdf.IsAvailable) { From = request.From, To = request.To, IncludeNotes = notes };
        if (!result.Succeeded || !datesRead)
        {
            Plan = (await prepare.HandleAsync(me, request with { From = null, To = null }, ct)).Value!;
            return Refused(datesRead ? result.Error! : ExportFormModel.BadDate, StatusCodes.Status422UnprocessableEntity);
        }

        Plan = result.Value!;

        // The export is a GET (the thread's form is a plain form, so the URL can be bookmarked), but a link from another
        // site must not start one, or queue a job, in the member's name: it only opens this form (Fetch Metadata).
        if (string.IsNullOrEmpty(format) || Request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            return Page();
        }

        if (!ExportFormModel.TryParseFormat(format, out var chosen))
        {
            return Refused(ExportFormModel.NoFormat, StatusCodes.Status422UnprocessableEntity);
        }

        try
        {
            return await delivery.DeliverAsync(me, Plan, chosen, ct);
        }
        catch (PdfUnavailableException e)
        {
            return Refused(e.Message, StatusCodes.Status503ServiceUnavailable);
        }
    }

    private PageResult Refused(string error, int status)
    {
        Form = Form with { Error = error };
        Response.StatusCode = status;
        return Page();
    }
}
