using System.Globalization;
using Messaging.Core.Access;
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
/// shows it again with the reason; a conversation the member may not see is 404 (<see cref="PrepareConversationExport"/>).
/// The export is a GET (the thread's form is a plain form, so the URL can be bookmarked), but a link from another site
/// must not start one, or queue a job, in the member's name: it only opens this form (Fetch Metadata, <c>Sec-Fetch-Site</c>).
/// </summary>
[MessagesModule]
[Authorize(Policy = Permissions.View)]
public sealed class ConversationModel(CurrentMemberAccessor accessor, PrepareConversationExport prepare, ExportDelivery delivery, PdfRenderer pdf) : PageModel
{
    public ConversationExport Export { get; private set; } = null!;

    public CurrentMember Me { get; private set; } = null!;

    public string? Error { get; private set; }

    public ExportPlan Plan => Export.Plan;

    public ExportFormModel Form => new($"/exports/conversation/{Id}", Me.IsStaff, pdf.IsAvailable)
    {
        From = Export.Asked.From,
        To = Export.Asked.To,
        IncludeNotes = Export.Asked.IncludeInternalNotes,
        Error = Error,
    };

    public string ThreadUrl => string.Create(CultureInfo.InvariantCulture, $"{NavigationModel.MessagesPath(Me)}/{Id}");

    private long Id => Plan.Conversations[0].Id;

    public async Task<IActionResult> OnGetAsync(long id, string? format, DateOnly? from, DateOnly? to, bool notes, CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        var asked = Request.Headers["Sec-Fetch-Site"] == "cross-site" ? null : format;
        var result = await prepare.HandleAsync(Me, new ConversationExportRequest(id, from, to, notes, asked, ModelState.IsValid), ct);
        return result.Value is { } export ? await delivery.AnswerAsync(Me, Export = export, FormAgain, ct) : NotFound();
    }

    private PageResult FormAgain(string? error, int status)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}
