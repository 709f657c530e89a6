using Messaging.Core.Common;
using Messaging.Core.Inbox;
using Messaging.Core.Settings;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>The inbox settings (<c>_InboxSettings</c>): "a staff reply sets waiting on client", and the optional out-of-office text.</summary>
public sealed partial class IndexModel
{
    public Result<InboxSettings>? InboxRefusal { get; private set; }

    public async Task<IActionResult> OnPostInboxAsync(
        bool staffReplySetsWaiting, bool outOfOfficeEnabled, string? outOfOfficeText, CancellationToken ct)
    {
        var result = await setInbox.HandleAsync(await accessor.RequireAsync(ct), new InboxSettings(staffReplySetsWaiting, outOfOfficeEnabled, outOfOfficeText), ct);
        if (result.Failure == FailureKind.Forbidden)
        {
            return Forbid();
        }

        if (result.Succeeded)
        {
            Saved = "Inbox settings saved.";
            return Redirect("/admin/settings");
        }

        InboxRefusal = result;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(ct);
        return Page();
    }
}
