using System.Globalization;
using Messaging.Core.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Attachments;

/// <summary>A conversation's Files tab, for the portal and the staff area alike (they differ in base path).</summary>
[MessagesModule]
public abstract class ConversationFilesPageModel(CurrentMemberAccessor accessor, ListConversationFiles list) : PageModel
{
    public abstract string BasePath { get; }

    public FileListModel Files { get; private set; } = null!;

    public string ThreadPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, string? sort, string? dir, string? type, CancellationToken ct)
    {
        ThreadPath = string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}");
        return this.PageOrNotFound(
            await list.HandleAsync(await accessor.RequireAsync(ct), id, FileListModel.Parse(sort, dir, type), ct),
            files => Files = new FileListModel(files, ThreadPath + "/files", BasePath));
    }
}
