using System.Globalization;
using Htmx;
using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.ConversationState;
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
/// Everything the page shows is loaded here (<see cref="LoadAsync"/>); its partials only render.
/// </summary>
[MessagesModule]
[EnableRateLimiting(RateLimits.Send)]
[AcceptsUploads]
public abstract partial class ThreadPageModel(ThreadPageServices services) : PageModel
{
    public abstract string BasePath { get; }

    public CurrentMember Me { get; private set; } = null!;

    public ThreadView Thread { get; private set; } = null!;

    public ComposeFormModel Reply { get; private set; } = null!;

    public ComposeFormModel? Note { get; private set; }

    /// <summary>The receipt line under the member's newest message.</summary>
    public ReadReceiptModel Receipt { get; private set; } = new(null);

    /// <summary>Who else is in the thread and whether they are online.</summary>
    public PresenceModel Presence { get; private set; } = new([]);

    /// <summary>The member's own state of the conversation (muted, archived), for the actions menu; null when none.</summary>
    public MyConversationState? MyState { get; private set; }

    /// <summary>The member's scheduled messages here, with the refusal of an edit or cancel shown at its item.</summary>
    public ScheduledListModel Scheduled { get; private set; } = null!;

    /// <summary>Staff-only panels a derived page shows above the messages (partial name and model); none by default.</summary>
    public virtual IReadOnlyList<ThreadPanel> Panels => [];

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

    public async Task<IActionResult> OnGetAsync(long id, long? before, CancellationToken ct) =>
        await LoadAsync(id, before, ct, markRead: true) ? Page() : NotFound();

    public async Task<IActionResult> OnGetEarlierAsync(long id, long before, CancellationToken ct) =>
        await LoadThreadAsync(id, before, ct) ? Partial("Messages/_MessageRun", new MessageRunModel(Thread.Messages, EarlierLink())) : NotFound();

    public async Task<IActionResult> OnGetNewerAsync(long id, long after, CancellationToken ct)
    {
        var messages = await services.Newer.HandleAsync(await RequireMemberAsync(ct), id, after, ct);
        if (messages is null)
        {
            return NotFound();
        }

        await services.MarkRead.HandleAsync(Me, id, ct);
        Response.Htmx(h => h.WithTrigger("unread-changed"));
        return this.LiveFragment("Messages/_MessageRun", new MessageRunModel(messages, null));
    }

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) => SendAsync(id, MessageVisibility.Everyone, ct);

    /// <summary>
    /// A reply or note: the files stream in first (<see cref="MessageUploadReader"/>), then <see cref="SendMessage"/>.
    /// Refused: the same form again with the text kept and the reason shown (413 when too large, 507 when the file store is full); nothing was stored.
    /// </summary>
    protected async Task<IActionResult> SendAsync(long id, MessageVisibility visibility, CancellationToken ct)
    {
        await using var upload = await services.Uploads.ReadAsync(await RequireMemberAsync(ct), id, Request, ct);
        upload.CopyFieldsTo(Input);
        var result = upload.NotFound ? Result<long>.NotFound() : upload.Refused ?? await services.Send.HandleAsync(Me, SendCommand(id, visibility, upload), ct);
        var isNote = visibility == MessageVisibility.StaffOnly;
        return await this.AnswerAsync(
            result,
            sent => this.FragmentOrRedirect(MessageUrl(id, sent), "Messages/_ComposeForm", ComposeFormModel.Empty(FormAction(id, isNote), isNote), "messages-changed"),
            () => ComposeAgainAsync(id, isNote, ComposeFormModel.Refilled(FormAction(id, isNote), Input, result.Error, isNote), ct),
            upload.TooLarge ? StatusCodes.Status413PayloadTooLarge : upload.StoreFull ? StatusCodes.Status507InsufficientStorage : null);
    }

    /// <summary>The signed-in member, for handlers of derived pages.</summary>
    protected async Task<CurrentMember> RequireMemberAsync(CancellationToken ct) => Me = await services.Accessor.RequireAsync(ct);

    /// <summary>Runs after the thread is loaded for a full page; a derived page loads what else it shows.</summary>
    protected virtual Task LoadExtrasAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Everything the full page shows: the thread, a derived page's extras, the forms and the conversation state
    /// under the messages (read after the thread is marked read, as the page then shows it).
    /// </summary>
    protected async Task<bool> LoadAsync(long id, long? before, CancellationToken ct, bool markRead = false)
    {
        if (!await LoadThreadAsync(id, before, ct))
        {
            return false;
        }

        await LoadExtrasAsync(ct);
        await (markRead ? services.MarkRead.HandleAsync(Me, id, ct) : Task.CompletedTask);
        await LoadConversationStateAsync(id, ct);
        Reply = ComposeFormModel.Empty(FormAction(id, isNote: false), isNote: false);
        Note = CanWriteNotes ? ComposeFormModel.Empty(FormAction(id, isNote: true), isNote: true) : null;
        return true;
    }

    /// <summary>Only the thread (for the "load earlier" fragment): false when the member may not see it.</summary>
    private async Task<bool> LoadThreadAsync(long id, long? before, CancellationToken ct)
    {
        Thread = (await services.GetThread.HandleAsync(await RequireMemberAsync(ct), id, before, ct))!;
        return Thread is not null;
    }

    private SendMessageCommand SendCommand(long id, MessageVisibility visibility, MessageUpload upload) =>
        new(id, Input.Body, Input.IdempotencyKey, visibility, upload.Files)
        {
            ReplyToId = Input.ReplyToId,
            Priority = Input.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
        };

    /// <summary>A refused reply, note or schedule: the form alone for htmx, else the page with the form in its place.</summary>
    private Task<IActionResult> ComposeAgainAsync(long id, bool isNote, ComposeFormModel form, CancellationToken ct) =>
        this.FormAgainAsync("Messages/_ComposeForm", form, async () =>
        {
            var loaded = await LoadAsync(id, null, ct);
            (Reply, Note) = isNote ? (Reply, form) : (form, Note);
            return loaded;
        });

    private string? EarlierLink() => Thread.HasEarlier && Thread.Messages.Count > 0 ? EarlierUrl(Thread.Messages[0].Id) : null;

    private string ThreadUrl(long id) => string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}");

    private string MessageUrl(long id, long messageId) => string.Create(CultureInfo.InvariantCulture, $"{ThreadUrl(id)}#m-{messageId}");

    private string FormAction(long id, bool isNote) => ThreadUrl(id) + (isNote ? "?handler=Note" : "?handler=Reply");
}

/// <summary>A panel a derived thread page adds (the staff page's participants and inbox panel): a partial and its model.</summary>
public sealed record ThreadPanel(string Partial, object Model);
