using Messaging.Core.Common;
using Messaging.Core.Settings;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>The read-receipt switch (<c>_ReceiptSettings</c>), posted to its own handler so each setting saves on its own.</summary>
public sealed partial class IndexModel
{
    public async Task<IActionResult> OnPostReceiptsAsync(
        bool readReceipts, CancellationToken ct)
    {
        var result = await setReceipts.HandleAsync(await accessor.RequireAsync(ct), readReceipts, ct);
        if (result.Failure == FailureKind.Forbidden)
        {
            return Forbid();
        }

        Saved = readReceipts ? "Read receipts are on." : "Read receipts are off: nobody sees when their messages were read.";
        return Redirect("/admin/settings");
    }
}
