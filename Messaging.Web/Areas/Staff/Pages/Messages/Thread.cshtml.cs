using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Staff.Pages.Messages;

/// <summary>The staff view of a thread adds the internal-note form; notes never reach clients.</summary>
public sealed class ThreadModel(
    CurrentMemberAccessor accessor, GetThread getThread, ListNewerMessages newer, MarkThreadRead markRead, SendMessage send)
    : ThreadPageModel(accessor, getThread, newer, markRead, send)
{
    public override string BasePath => "/staff/messages";

    public override bool CanWriteNotes => true;

    public Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct) => PostAsync(id, MessageVisibility.StaffOnly, ct);
}
