using Messaging.Core.Search;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Search;

/// <summary>
/// <c>/admin/search</c> (Admins): this node's search index (documents, cursor, refresh latency, attachments read), a
/// Rebuild button (every node rebuilds; the bar follows this node's progress, polled every second by htmx) and the
/// workspace's search language (also offered on company settings; a change rebuilds).
/// </summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, GetSearchAdmin get, RequestSearchRebuild rebuild, SetSearchLanguage setLanguage) : PageModel
{
    public const string Path = "/admin/search";

    public SearchAdminView? Admin { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public string? LanguageError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The status card alone, for the progress bar's polling.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? this.LiveFragment("Search/_IndexStatus", Admin) : NotFound();

    public async Task<IActionResult> OnPostRebuildAsync(CancellationToken ct)
    {
        var result = await rebuild.HandleAsync(await accessor.RequireAsync(ct), ct);
        return await this.SavedAsync(result, Path, _ => "Rebuild requested: every node builds a new index while the current one keeps answering.", _ => this.PageAgainAsync(() => LoadAsync(ct)));
    }

    public async Task<IActionResult> OnPostLanguageAsync(string? language, CancellationToken ct)
    {
        var result = await setLanguage.HandleAsync(await accessor.RequireAsync(ct), language, ct);
        LanguageError = result.Error;
        return await this.SavedAsync(result, Path, changed => changed
            ? "Search language saved; the index is being rebuilt in it (searches keep working meanwhile)."
            : "Search language unchanged.", _ => this.PageAgainAsync(() => LoadAsync(ct)));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Admin = await get.HandleAsync(await accessor.RequireAsync(ct), ct);
        return Admin is not null;
    }
}
