using Messaging.Core.Search;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Search;

/// <summary>The member's saved searches beside the search box, and the form that saves the current one.</summary>
public sealed class SavedSearchesViewComponent(CurrentMemberAccessor accessor, ListSavedSearches list) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string searchPath, string current, string? error)
    {
        var me = await accessor.RequireAsync(HttpContext.RequestAborted);
        return View(new SavedSearchesModel(searchPath, current, error, await list.HandleAsync(me, HttpContext.RequestAborted)));
    }
}

/// <param name="Current">The search on the page, as one box (what Save keeps).</param>
public sealed record SavedSearchesModel(string SearchPath, string Current, string? Error, IReadOnlyList<SavedSearchView> Searches);
