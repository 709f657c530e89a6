using System.Globalization;
using Htmx;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Core.Projects;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Messaging.Web.Messages;

/// <summary>
/// One conversation, for the portal and the staff area alike (they differ in base path and in the
/// staff-only note form). Handlers: the page, "load earlier", the live "newer" fragment, and the reply post.
/// </summary>
[MessagesModule]
[EnableRateLimiting(RateLimits.Send)]
[AcceptsUploads]
public abstract partial class ThreadPageModel(
    CurrentMemberAccessor accessor,
    GetThread getThread,
    ListNewerMessages newer,
    MarkThreadRead markRead,
    SendMessage send) : PageModel
{
    public abstract string BasePath { get; }

    public CurrentMember Me { get; private set; } = null!;

    public ThreadView Thread { get; private set; } = null!;

    public ComposeFormModel Reply { get; private set; } = null!;

    public ComposeFormModel? Note { get; private set; }

    [BindProperty]
    public ComposeInput Input { get; set; } = new();

    public string ThreadPath => string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{Thread.Header.Id}");

    public bool CanSend => Me.Can(Permissions.Send) && ReadOnlyNotice is null;

    /// <summary>Why this member cannot write here, or null when they can.</summary>
    public string? ReadOnlyNotice =>
        !Me.Can(Permissions.Send) ? "You can read this conversation, but you do not have permission to send messages."
        : Me.IsClient && Thread.Header.ProjectStage is { } stage && !ProjectStageRules.ClientsCanReply(stage) ? ProjectStageRules.ClientNotice(stage)
        : null;

    /// <summary>A notice that does not stop writing (a project on hold), for clients.</summary>
    public string? StageNotice =>
        Me.IsClient && Thread.Header.ProjectStage is { } stage && ProjectStageRules.ClientsCanReply(stage) && !ProjectStageRules.ClientsCanStart(stage)
            ? ProjectStageRules.ClientNotice(stage)
            : null;

    public virtual bool CanWriteNotes => false;

    public string EarlierUrl(long before) => string.Create(CultureInfo.InvariantCulture, $"{ThreadPath}?before={before}");

    public async Task<IActionResult> OnGetAsync(long id, long? before, CancellationToken ct)
    {
        if (!await LoadAsync(id, before, ct))
        {
            return NotFound();
        }

        await markRead.HandleAsync(Me, id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetEarlierAsync(long id, long before, CancellationToken ct)
    {
        if (!await LoadAsync(id, before, ct))
        {
            return NotFound();
        }

        var earlier = Thread.HasEarlier && Thread.Messages.Count > 0 ? EarlierUrl(Thread.Messages[0].Id) : null;
        return Partial("Messages/_MessageRun", new MessageRunModel(Thread.Messages, earlier));
    }

    public async Task<IActionResult> OnGetNewerAsync(long id, long after, CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        var messages = await newer.HandleAsync(Me, id, after, ct);
        if (messages is null)
        {
            return NotFound();
        }

        await markRead.HandleAsync(Me, id, ct);
        Response.Htmx(h => h.WithTrigger("unread-changed"));
        Response.Headers.CacheControl = "no-store";
        return Partial("Messages/_MessageRun", new MessageRunModel(messages, null));
    }

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) => PostAsync(id, MessageVisibility.Everyone, ct);

    protected async Task<IActionResult> PostAsync(long id, MessageVisibility visibility, CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        await using var upload = await Uploads.ReadAsync(Me, id, Request, ct);
        if (upload.NotFound)
        {
            return NotFound();
        }

        upload.CopyFieldsTo(Input);
        var result = upload.Refused
            ?? await send.HandleAsync(Me, new SendMessageCommand(id, Input.Body, Input.IdempotencyKey, visibility, upload.Files)
            {
                ReplyToId = Input.ReplyToId,
                Priority = Input.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
            }, ct);
        if (result.Failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        var isNote = visibility == MessageVisibility.StaffOnly;
        var action = string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}?handler={(isNote ? "Note" : "Reply")}");
        if (result.Succeeded)
        {
            if (!Request.IsHtmx())
            {
                return Redirect(string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}#m-{result.Value}"));
            }

            Response.Htmx(h => h.WithTrigger("messages-changed"));
            return Partial("Messages/_ComposeForm", ComposeFormModel.Empty(action, isNote));
        }

        // Refused: the same form again with the text kept and the reason shown; nothing was stored.
        Response.StatusCode = upload.TooLarge ? StatusCodes.Status413PayloadTooLarge
            : result.Failure == FailureKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        var form = new ComposeFormModel(action, Input.IdempotencyKey ?? Guid.NewGuid(), Input.Body, result.Error, isNote)
        {
            ReplyToId = Input.ReplyToId,
            Urgent = Input.Urgent,
        };
        if (Request.IsHtmx())
        {
            return Partial("Messages/_ComposeForm", form);
        }

        await LoadAsync(id, null, ct);
        if (isNote)
        {
            Note = form;
        }
        else
        {
            Reply = form;
        }

        return Page();
    }

    /// <summary>
    /// Streams the files of a multipart post (resolved here rather than through the constructor, so the portal
    /// and staff thread pages, which other features extend, keep their constructors).
    /// </summary>
    private MessageUploadReader Uploads => HttpContext.RequestServices.GetRequiredService<MessageUploadReader>();

    /// <summary>Runs after the thread is loaded for a full page; a derived page loads what else it shows.</summary>
    protected virtual Task LoadExtrasAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The signed-in member, for handlers of derived pages.</summary>
    protected async Task<CurrentMember> RequireMemberAsync(CancellationToken ct) => Me = await accessor.RequireAsync(ct);

    protected async Task<bool> LoadAsync(long id, long? before, CancellationToken ct)
    {
        Me = await accessor.RequireAsync(ct);
        var thread = await getThread.HandleAsync(Me, id, before, ct);
        if (thread is null)
        {
            return false;
        }

        Thread = thread;
        await LoadExtrasAsync(ct);
        Reply = ComposeFormModel.Empty(string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}?handler=Reply"), isNote: false);
        Note = CanWriteNotes ? ComposeFormModel.Empty(string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}?handler=Note"), isNote: true) : null;
        return true;
    }
}
