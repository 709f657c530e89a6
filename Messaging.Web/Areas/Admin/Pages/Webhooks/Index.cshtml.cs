using Messaging.Core.Webhooks;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Webhooks;

/// <summary>The registration form of a webhook.</summary>
public sealed class WebhookForm
{
    public string? Url { get; set; }

    public List<string> Events { get; set; } = [];

    public bool IncludeInternal { get; set; }
}

/// <summary><c>/admin/webhooks</c> (Admins): the workspace's webhooks; register one (its secret is shown once), disable, enable, delete.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListWebhooks list, RegisterWebhook register, ManageWebhook manage) : PageModel
{
    [BindProperty]
    public WebhookForm Input { get; set; } = new();

    public IReadOnlyList<WebhookRow> Webhooks { get; private set; } = [];

    /// <summary>The new webhook's secret, on the answer to its registration only.</summary>
    public RegisteredWebhook? Registered { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var result = await register.HandleAsync(await accessor.RequireAsync(ct), new RegisterWebhookCommand(Input.Url, Input.Events, Input.IncludeInternal), ct);
        return await this.AnswerAsync(result, async registered =>
        {
            Registered = registered;
            Input = new WebhookForm();
            await LoadAsync(ct);
            return Page();
        }, () => this.FieldAgainAsync(result, () => LoadAsync(ct), "Input."));
    }

    public Task<IActionResult> OnPostEnableAsync(long webhookId, CancellationToken ct) => ManageAsync(webhookId, WebhookAction.Enable, "The webhook is enabled.", ct);

    public Task<IActionResult> OnPostDisableAsync(long webhookId, CancellationToken ct) => ManageAsync(webhookId, WebhookAction.Disable, "The webhook is disabled.", ct);

    public Task<IActionResult> OnPostDeleteAsync(long webhookId, CancellationToken ct) => ManageAsync(webhookId, WebhookAction.Delete, "The webhook is deleted.", ct);

    private async Task<IActionResult> ManageAsync(long webhookId, WebhookAction action, string notice, CancellationToken ct)
    {
        var result = await manage.HandleAsync(await accessor.RequireAsync(ct), webhookId, action, ct);
        return await this.SavedAsync(result, "/admin/webhooks", _ => notice, _ => this.PageAgainAsync(() => LoadAsync(ct)));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var rows = await list.HandleAsync(await accessor.RequireAsync(ct), [WebhookFormat.Standard], ct);
        Webhooks = rows ?? [];
        return rows is not null;
    }
}
