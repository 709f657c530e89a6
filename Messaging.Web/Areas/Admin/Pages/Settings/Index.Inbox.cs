using Messaging.Core.Common;
using Messaging.Core.Inbox;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>The inbox settings (<c>_InboxSettings</c>): "a staff reply sets waiting on client", and the optional out-of-office text.</summary>
public sealed partial class IndexModel
{
    public Result<InboxSettings>? InboxRefusal { get; private set; }

    public async Task<IActionResult> OnPostInboxAsync(
        bool staffReplySetsWaiting, bool outOfOfficeEnabled, string? outOfOfficeText,
        [FromServices] CurrentMemberAccessor members, [FromServices] SetInboxSettings set, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(set);
        var result = await set.HandleAsync(await members.RequireAsync(ct), new InboxSettings(staffReplySetsWaiting, outOfOfficeEnabled, outOfOfficeText), ct);
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
