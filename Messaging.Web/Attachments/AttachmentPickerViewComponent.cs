using Messaging.Core.Attachments;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Attachments;

/// <summary>The compose form's file picker, with the workspace's limits (so the browser can warn early; the server checks them all).</summary>
public sealed class AttachmentPickerViewComponent(CurrentMemberAccessor accessor, GetFileSettings get) : ViewComponent
{
    /// <summary>The picker of a thread's reply or note form (<paramref name="form"/>), or of the new-conversation form (none).</summary>
    public async Task<IViewComponentResult> InvokeAsync(ComposeFormModel? form)
    {
        var me = await accessor.RequireAsync(HttpContext.RequestAborted);
        var (id, testId) = form is null ? ("new", "new-conversation-files") : form.IsNote ? ("note", "note-files") : ("reply", "attach-input");
        return View(new AttachmentPickerModel(id, testId, await get.HandleAsync(me.WorkspaceId, HttpContext.RequestAborted)));
    }
}

/// <summary>The picker's input (its id and test hook) and the limits it shows.</summary>
public sealed record AttachmentPickerModel(string InputId, string TestId, FileSettings Settings);
