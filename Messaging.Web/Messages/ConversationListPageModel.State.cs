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

    public async Task<IActionResult> OnPostBulkAsync(
        long[]? ids, string? bulkAction, string? returnUrl,
        [FromServices] CurrentMemberAccessor members, [FromServices] UpdateConversationState update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(update);
        var me = await members.RequireAsync(ct);
        Result<int> result = Enum.TryParse<ConversationAction>(bulkAction, out var action) && Enum.IsDefined(action)
            ? await update.HandleAsync(me, new UpdateConversationStateCommand(ids ?? [], action), ct)
            : Result<int>.Invalid(UpdateConversationState.SelectionField, "Choose what to do with the selected conversations.");
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            BulkError = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await OnGetAsync(ct);
        }

        var back = returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(BasePath + "/", StringComparison.Ordinal);
        return Redirect(back ? returnUrl! : ListUrl(1));
    }
}
