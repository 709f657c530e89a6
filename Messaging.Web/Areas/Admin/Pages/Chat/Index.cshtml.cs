using Messaging.Core.Projects;
using Messaging.Core.Webhooks;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Chat;

/// <summary>The form of a Slack or Teams channel.</summary>
public sealed class ChatChannelForm
{
    public WebhookFormat Format { get; set; } = WebhookFormat.Slack;

    public string? Url { get; set; }

    public long? ProjectId { get; set; }
}

/// <summary><c>/admin/chat</c> (Admins): Slack and Microsoft Teams channels that hear of new messages and assignments, for the workspace or one project.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListWebhooks list, ListProjects projects, AddChatChannel add, ManageWebhook manage) : PageModel
{
    [BindProperty]
    public ChatChannelForm Input { get; set; } = new();

    public IReadOnlyList<WebhookRow> Channels { get; private set; } = [];

    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await add.HandleAsync(await accessor.RequireAsync(ct), new AddChatChannelCommand(Input.Format, Input.Url, Input.ProjectId), ct);
        return await this.SavedAsync(result, "/admin/chat", _ => $"The {Input.Format} channel is added.",
            _ => this.FieldAgainAsync(result, () => LoadAsync(ct), "Input."));
    }

    public Task<IActionResult> OnPostEnableAsync(long webhookId, CancellationToken ct) => ManageAsync(webhookId, WebhookAction.Enable, "The channel is enabled.", ct);

    public Task<IActionResult> OnPostDisableAsync(long webhookId, CancellationToken ct) => ManageAsync(webhookId, WebhookAction.Disable, "The channel is disabled.", ct);

    public Task<IActionResult> OnPostRemoveAsync(long webhookId, CancellationToken ct) => ManageAsync(webhookId, WebhookAction.Delete, "The channel is removed.", ct);

    private async Task<IActionResult> ManageAsync(long webhookId, WebhookAction action, string notice, CancellationToken ct)
    {
        var result = await manage.HandleAsync(await accessor.RequireAsync(ct), webhookId, action, ct);
        return await this.SavedAsync(result, "/admin/chat", _ => notice, _ => this.PageAgainAsync(() => LoadAsync(ct)));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var rows = await list.HandleAsync(me, [WebhookFormat.Slack, WebhookFormat.Teams], ct);
        Channels = rows ?? [];
        Projects = rows is null ? [] : await projects.HandleAsync(me, ct);
        return rows is not null;
    }
}
