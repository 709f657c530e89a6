using Messaging.Core.Common;
using Messaging.Core.Settings;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Admin.Pages.Settings;

/// <summary>The inbox settings (<c>_InboxSettings</c>): "a staff reply sets waiting on client", and the optional out-of-office text.</summary>
public sealed partial class IndexModel
{
    public Result<InboxSettings>? InboxRefusal { get; private set; }

    public async Task<IActionResult> OnPostInboxAsync(
        bool staffReplySetsWaiting, bool outOfOfficeEnabled, string? outOfOfficeText, CancellationToken ct)
    {
        InboxRefusal = await setInbox.HandleAsync(await accessor.RequireAsync(ct), new InboxSettings(staffReplySetsWaiting, outOfOfficeEnabled, outOfOfficeText), ct);
        return await this.ForbidOr(InboxRefusal, _ => this.RedirectWithNotice(SettingsUrl, "Inbox settings saved."), AgainAsync(ct));
    }
}
