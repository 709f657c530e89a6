using Messaging.Core.Webhooks;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Webhooks;

/// <summary><c>/admin/webhooks/{id}</c> (Admins): a webhook's (or chat channel's) delivery log, each try's status code, and resend.</summary>
public sealed class DeliveriesModel(CurrentMemberAccessor accessor, GetWebhookDeliveries get, ResendWebhookDelivery resend) : PageModel
{
    public WebhookLog Log { get; private set; } = null!;

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostResendAsync(long id, long deliveryId, CancellationToken ct)
    {
        var result = await resend.HandleAsync(await accessor.RequireAsync(ct), id, deliveryId, ct);
        return await this.SavedAsync(result, $"/admin/webhooks/{id}", _ => "The delivery is sent again within seconds.",
            _ => this.FieldAgainAsync(result, async () => await LoadAsync(id, ct)));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var log = await get.HandleAsync(await accessor.RequireAsync(ct), id, ct);
        if (log is not null)
        {
            Log = log;
        }

        return log is not null;
    }
}
