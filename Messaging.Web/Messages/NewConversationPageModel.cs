using System.Globalization;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Messaging.Web.Messages;

/// <summary>
/// Starting a conversation, for the portal and the staff area: the choice of people differs, the rest is shared.
/// The first message may carry files (a plain multipart post: ASP.NET Core reads the form, the upload reader stores
/// its files; a refused or failed start leaves none behind).
/// </summary>
[MessagesModule]
[EnableRateLimiting(RateLimits.Send)]
[AcceptsUploads(StreamsBody = false)]
public abstract class NewConversationPageModel(CurrentMemberAccessor accessor, ListRecipients recipients, StartConversation start, MessageUploadReader uploads) : PageModel
{
    public abstract string BasePath { get; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();

    public RecipientOptions Options { get; private set; } = new([], []);

    public CurrentMember Me { get; private set; } = null!;

    /// <summary>The refusal to show, keyed by the form field it concerns ("" for the form as a whole).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var error) ? error : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await this.PageAgainAsync(() => LoadAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await using var upload = await uploads.ReadForNewConversationAsync(Me, Request, ct);
        var (participants, projectId) = ChosenPeople();
        var result = upload.NotFound ? Result<long>.NotFound()
            : upload.Refused ?? await start.HandleAsync(Me, new StartConversationCommand(Subject, Body, participants, projectId, IdempotencyKey, upload.Files), ct);
        return await this.Answer(result, id => Redirect(string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}")), () => Refused(result));
    }

    /// <summary>The form again with the refusal under its field (the status is set).</summary>
    private PageResult Refused(Result<long> result)
    {
        Errors[result.Field ?? ""] = result.Error ?? "This conversation could not be started.";
        return Page();
    }

    /// <summary>Who the form chose, and the project if the form names one.</summary>
    protected abstract (IReadOnlyList<long> Participants, long? ProjectId) ChosenPeople();

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        Options = await recipients.HandleAsync(Me, ct);
    }
}
