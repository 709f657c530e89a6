using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>The read-receipt switch (<c>_ReceiptSettings</c>), posted to its own handler so each setting saves on its own.</summary>
public sealed partial class IndexModel
{
    public async Task<IActionResult> OnPostReceiptsAsync(bool readReceipts, CancellationToken ct) =>
        await this.ForbidOr(
            await setReceipts.HandleAsync(await accessor.RequireAsync(ct), readReceipts, ct),
            on => this.RedirectWithNotice(SettingsUrl, on ? "Read receipts are on." : "Read receipts are off: nobody sees when their messages were read."),
            AgainAsync(ct));
}
