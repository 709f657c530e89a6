using System.Globalization;
using Messaging.Core.Common;
using Messaging.Core.Safety;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Messages;

/// <summary>Reporting a message to the workspace's Admins: a reason and optional details. Messages the member can't read are not found.</summary>
[MessagesModule]
public sealed class ReportModel(CurrentMemberAccessor accessor, GetReportableMessage get, ReportMessage report) : PageModel
{
    [BindProperty]
    public ReportReason? Reason { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    public ReportableMessage Message { get; private set; } = null!;

    public bool Sent { get; private set; }

    public string ThreadUrl { get; private set; } = "/";

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var error) ? error : null;

    public async Task<IActionResult> OnGetAsync(long messageId, CancellationToken ct) =>
        await LoadAsync(messageId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long messageId, CancellationToken ct)
    {
        var result = await report.HandleAsync(await accessor.RequireAsync(ct), new ReportMessageCommand(messageId, Reason, Details), ct);
        Sent = result.Succeeded;
        return result.Failure == FailureKind.NotFound || !await LoadAsync(messageId, ct) ? NotFound() : await this.Answer(result, _ => Page(), () => Refused(result));
    }

    /// <summary>The form again with the refusal under its field (the status is set).</summary>
    private PageResult Refused(Result<long> result)
    {
        Errors[result.Field ?? ""] = result.Error ?? "The report could not be sent.";
        return Page();
    }

    private async Task<bool> LoadAsync(long messageId, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        if (await get.HandleAsync(me, messageId, ct) is not { } message)
        {
            return false;
        }

        Message = message;
        ThreadUrl = string.Create(CultureInfo.InvariantCulture, $"{NavigationModel.MessagesPath(me)}/{message.ConversationId}#m-{message.MessageId}");
        return true;
    }
}
