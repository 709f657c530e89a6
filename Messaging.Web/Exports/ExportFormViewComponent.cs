using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Exports;

/// <summary>
/// The export form, on every thread (<c>Default</c>: a plain GET form) and in the list's bulk bar (<c>Bulk</c>: the
/// fields only, inside the bulk form); it offers PDF only when this node has Chromium (<see cref="PdfRenderer.IsAvailable"/>).
/// </summary>
public sealed class ExportFormViewComponent(PdfRenderer pdf) : ViewComponent
{
    public IViewComponentResult Invoke(string action, bool isStaff, bool bulk = false, string? error = null)
    {
        var form = new ExportFormModel(action, isStaff, pdf.IsAvailable) { IsBulk = bulk, Error = error };
        return bulk ? View("Bulk", form) : View(form);
    }
}
