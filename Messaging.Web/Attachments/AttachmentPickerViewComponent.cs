using Messaging.Core.Attachments;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Attachments;

/// <summary>The compose form's file picker, with the workspace's limits (so the browser can warn early; the server checks them all).</summary>
public sealed class AttachmentPickerViewComponent(CurrentMemberAccessor accessor, GetFileSettings get) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ComposeFormModel form)
    {
        var me = await accessor.RequireAsync(HttpContext.RequestAborted);
        return View(new AttachmentPickerModel(form, await get.HandleAsync(me.WorkspaceId, HttpContext.RequestAborted)));
    }
}

/// <summary>The form the picker is in (reply or note) and the limits it shows.</summary>
public sealed record AttachmentPickerModel(ComposeFormModel Form, FileSettings Settings);
