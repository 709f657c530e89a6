using System.Globalization;
using Messaging.Core.Attachments;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Staff.Pages.Projects;

/// <summary>A project's Files tab (Managers and Admins, like the project page): every file shared in its conversations.</summary>
[MessagesModule]
public sealed class FilesModel(CurrentMemberAccessor accessor, ListProjectFiles list) : PageModel
{
    public FileListModel Files { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, string? sort, string? dir, string? type, CancellationToken ct) =>
        this.PageOrNotFound(
            await list.HandleAsync(await accessor.RequireAsync(ct), id, FileListModel.Parse(sort, dir, type), ct),
            files => Files = new FileListModel(files, string.Create(CultureInfo.InvariantCulture, $"/staff/projects/{id}/files"), "/staff/messages"));
}
