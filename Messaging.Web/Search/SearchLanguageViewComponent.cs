using Messaging.Core.Search;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Search;

/// <summary>The search language card on company settings (<c>/admin/settings</c>); it posts to <c>/admin/search?handler=Language</c>.</summary>
public sealed class SearchLanguageViewComponent(CurrentMemberAccessor accessor, GetSearchAdmin get) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var view = await get.HandleAsync(await accessor.RequireAsync(HttpContext.RequestAborted), HttpContext.RequestAborted);
        return view is null ? Content(string.Empty) : View("Default", view.Language);
    }
}

/// <summary>The language form: the language set, and why a choice was refused.</summary>
public sealed record SearchLanguageForm(string Language, string? Error);
