using Messaging.Core.Common;
using Messaging.Core.ConversationState;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Messages;

/// <summary>
/// The list's archived view (<c>?view=archived</c>) and the one handler for conversation actions,
/// <c>?handler=Bulk</c>: the list's bulk selection posts several ids, a thread's actions menu posts its
/// own id (and a <c>returnUrl</c> back to it). Any id the member does not take part in answers 404 and
/// changes nothing; an empty selection shows why on the page (422).
/// </summary>
public abstract partial class ConversationListPageModel
{
    public const string ArchivedView = "archived";

    [BindProperty(SupportsGet = true, Name = "view")]
    public string? ListView { get; set; }

    public bool IsArchivedView => string.Equals(ListView, ArchivedView, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the last bulk action was refused, shown next to its buttons.</summary>
    public string? BulkError { get; private set; }

    public async Task<IActionResult> OnPostBulkAsync(long[]? ids, string? bulkAction, string? returnUrl, CancellationToken ct)
    {
        var result = Enum.TryParse<ConversationAction>(bulkAction, out var action) && Enum.IsDefined(action)
            ? await services.Update.HandleAsync(await services.Accessor.RequireAsync(ct), new UpdateConversationStateCommand(ids ?? [], action), ct)
            : Result<int>.Invalid(UpdateConversationState.SelectionField, "Choose what to do with the selected conversations.");
        return await this.AnswerAsync(result, _ => Redirect(BackTo(returnUrl)), () => ListAgainAsync(() => BulkError = result.Error, ct), StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A refused bulk action or export: the list again (422), with the reason beside its buttons.</summary>
    private Task<IActionResult> ListAgainAsync(Action showError, CancellationToken ct)
    {
        showError();
        return OnGetAsync(ct);
    }

    /// <summary>Back to the thread the action came from (its own URL under this list), else the list's first page.</summary>
    private string BackTo(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(BasePath + "/", StringComparison.Ordinal) ? returnUrl : ListUrl(1);
}
