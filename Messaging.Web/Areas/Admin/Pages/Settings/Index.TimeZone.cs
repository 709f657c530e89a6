using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>The workspace's time zone (<c>_TimeZoneSettings</c>): exports show local times in it beside UTC.</summary>
public sealed partial class IndexModel
{
    /// <summary>Why the time zone was refused (the value posted is shown again), or null.</summary>
    public string? TimeZoneError { get; private set; }

    public async Task<IActionResult> OnPostTimeZoneAsync(string? timeZone, CancellationToken ct)
    {
        var result = await setZone.HandleAsync(await accessor.RequireAsync(ct), timeZone, ct);
        TimeZoneError = result.Error;
        return await this.ForbidOr(result, zone => this.RedirectWithNotice(SettingsUrl, $"Time zone saved: exports show local times in {zone}."), AgainAsync(ct));
    }
}
