using Messaging.Core.Common;
using Messaging.Core.Export;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>The workspace's time zone (<c>_TimeZoneSettings</c>): exports show local times in it beside UTC.</summary>
public sealed partial class IndexModel
{
    /// <summary>Why the time zone was refused (the value posted is shown again), or null.</summary>
    public string? TimeZoneError { get; private set; }

    public async Task<IActionResult> OnPostTimeZoneAsync(
        string? timeZone, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var result = await setZone.HandleAsync(me, timeZone, ct);
        if (result.Failure == FailureKind.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            await OnGetAsync(ct);
            TimeZoneError = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Saved = $"Time zone saved: exports show local times in {result.Value}.";
        return Redirect("/admin/settings");
    }
}
