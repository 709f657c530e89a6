using Htmx;
using Messaging.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Infrastructure;

/// <summary>
/// The one seam from a use case's <see cref="Result{T}"/> to HTTP, so a handler binds, calls one use case and
/// returns. NotFound is 404; a refusal sets 403 (Forbidden), 413 (the request was too large) or 422 (Invalid)
/// and shows the form again; a success answers htmx with a fragment and a plain form post with a redirect.
/// Rate limits (429) are the rate limiter's (see <see cref="RateLimits"/>); a handler that refuses on its own
/// uses <see cref="TooManyRequests"/>. Where a page answers a forbidden action with 404 or a challenge instead
/// (company settings), <see cref="ForbidOr{T}"/> keeps that.
/// </summary>
public static class PageResponses
{
    /// <summary>The status a refused result answers with.</summary>
    public static int StatusOf(FailureKind failure) => failure switch
    {
        FailureKind.None => StatusCodes.Status200OK,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>
    /// NotFound answers 404; a success goes to <paramref name="ok"/>; any other refusal sets its status
    /// (<paramref name="refusedStatus"/> when given, e.g. 413) and goes to <paramref name="refused"/>.
    /// </summary>
    public static async Task<IActionResult> AnswerAsync<T>(
        this PageModel page, Result<T> result, Func<T, IActionResult> ok, Func<Task<IActionResult>> refused, int? refusedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(refused);
        if (result.Failure == FailureKind.NotFound)
        {
            return page.NotFound();
        }

        if (result.Succeeded)
        {
            return ok(result.Value!);
        }

        page.Response.StatusCode = refusedStatus ?? StatusOf(result.Failure);
        return await refused();
    }

    /// <summary>Like <see cref="AnswerAsync{T}"/> for a page that shows a refusal without loading anything.</summary>
    public static Task<IActionResult> Answer<T>(this PageModel page, Result<T> result, Func<T, IActionResult> ok, Func<IActionResult> refused) =>
        page.AnswerAsync(result, ok, () => Task.FromResult(refused()));

    /// <summary>
    /// Settings pages answer a member who may not change them with <see cref="PageModel.Forbid()"/> (the access-denied
    /// page, 403), not with the form; the rest is <see cref="AnswerAsync{T}"/>.
    /// </summary>
    public static Task<IActionResult> ForbidOr<T>(this PageModel page, Result<T> result, Func<T, IActionResult> ok, Func<Task<IActionResult>> refused)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        return result.Failure == FailureKind.Forbidden ? Task.FromResult<IActionResult>(page.Forbid()) : page.AnswerAsync(result, ok, refused);
    }

    /// <summary>
    /// A success: htmx gets <paramref name="partial"/> (after firing <paramref name="trigger"/> on the client),
    /// a plain form post is redirected to <paramref name="url"/>.
    /// </summary>
    public static IActionResult FragmentOrRedirect(this PageModel page, string url, string partial, object? model, string? trigger = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Request.IsHtmx())
        {
            return new RedirectResult(url);
        }

        if (trigger is not null)
        {
            page.Response.Htmx(h => h.WithTrigger(trigger));
        }

        return page.Partial(partial, model);
    }

    /// <summary>
    /// A refused form: htmx gets the form again (<paramref name="partial"/> with what was typed and why); a plain post
    /// gets the whole page, loaded by <paramref name="loadPage"/> (404 when it cannot be). The status is already set.
    /// </summary>
    public static async Task<IActionResult> FormAgainAsync(this PageModel page, string partial, object form, Func<Task<bool>> loadPage)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(loadPage);
        if (page.Request.IsHtmx())
        {
            return page.Partial(partial, form);
        }

        return await loadPage() ? page.Page() : page.NotFound();
    }

    /// <summary>
    /// One URL that answers with the page or a fragment: says so to caches (<c>Vary: HX-Request</c>) and answers
    /// htmx (or whoever <paramref name="fragment"/> names) with the partial.
    /// </summary>
    public static IActionResult PageOrFragment(this PageModel page, string partial, object model, bool? fragment = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.Htmx(h => h.WithVary());
        return fragment ?? page.Request.IsHtmx() ? page.Partial(partial, model) : page.Page();
    }

    /// <summary>A live fragment (polled or refreshed by an event): never cached.</summary>
    public static IActionResult LiveFragment(this PageModel page, string partial, object? model)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response.Headers.CacheControl = "no-store";
        return page.Partial(partial, model);
    }

    /// <summary>Shows a refusal on the page again: the message under its field (ModelState) and 422.</summary>
    public static IActionResult Invalid<T>(this PageModel page, Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        page.ModelState.AddModelError(result.Field ?? string.Empty, result.Error ?? "");
        page.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page.Page();
    }

    /// <summary>429 for a handler that refuses on its own count; the status page explains it and sets Retry-After.</summary>
    public static IActionResult TooManyRequests(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.StatusCode(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The page, once <paramref name="show"/> has put what the use case found on it; 404 when it found nothing.</summary>
    public static IActionResult PageOrNotFound<T>(this PageModel page, T? found, Action<T> show)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(show);
        if (found is null)
        {
            return page.NotFound();
        }

        show(found);
        return page.Page();
    }

    /// <summary>A success shown on the next page: the notice goes to TempData (under the page's <c>[TempData] Saved</c>) and the post redirects.</summary>
    public static IActionResult RedirectWithNotice(this PageModel page, string url, string notice, string key = "Saved")
    {
        ArgumentNullException.ThrowIfNull(page);
        page.TempData[key] = notice;
        return new RedirectResult(url);
    }

    /// <summary>
    /// A settings-like post: a success leaves its notice and redirects to <paramref name="url"/>; NotFound is 404; a
    /// refusal sets its status (<paramref name="refusedStatus"/> when given) and goes to <paramref name="refused"/> with the reason.
    /// </summary>
    public static Task<IActionResult> SavedAsync<T>(
        this PageModel page, Result<T> result, string url, Func<T, string> notice, Func<string?, Task<IActionResult>> refused, int? refusedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(refused);
        return page.AnswerAsync(result, value => page.RedirectWithNotice(url, notice(value)), () => refused(result.Error), refusedStatus);
    }

    /// <summary>The page again after a refusal (its status already set): <paramref name="load"/> loads what it shows.</summary>
    public static async Task<IActionResult> PageAgainAsync(this PageModel page, Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(load);
        await load();
        return page.Page();
    }

    /// <summary>
    /// A refusal shown under its field (ModelState, the field prefixed with <paramref name="prefix"/>, e.g. <c>Input.</c>)
    /// on the page again, once <paramref name="load"/> has loaded what it shows; the status is already set.
    /// </summary>
    public static Task<IActionResult> FieldAgainAsync<T>(this PageModel page, Result<T> result, Func<Task> load, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        page.ModelState.AddModelError(prefix + result.Field, result.Error ?? "");
        return page.PageAgainAsync(load);
    }

    /// <summary>Like <see cref="AnswerAsync{T}(PageModel, Result{T}, Func{T, IActionResult}, Func{Task{IActionResult}}, int?)"/> for a success that loads what it shows.</summary>
    public static async Task<IActionResult> AnswerAsync<T>(
        this PageModel page, Result<T> result, Func<T, Task<IActionResult>> ok, Func<Task<IActionResult>> refused, int? refusedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(refused);
        if (result.Failure == FailureKind.NotFound)
        {
            return page.NotFound();
        }

        if (result.Succeeded)
        {
            return await ok(result.Value!);
        }

        page.Response.StatusCode = refusedStatus ?? StatusOf(result.Failure);
        return await refused();
    }

    /// <summary>
    /// A post from a list htmx refreshes in place: NotFound is 404; htmx gets the list again (<paramref name="partial"/>
    /// with <paramref name="model"/>, the page itself by default; the refusal's status set); a plain post is redirected
    /// to <paramref name="url"/> on success and gets the page on a refusal. <paramref name="load"/> loads the list.
    /// </summary>
    public static async Task<IActionResult> ListOrRedirectAsync<T>(this PageModel page, Result<T> result, string url, string partial, Func<Task> load, object? model = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(load);
        if (result.Failure == FailureKind.NotFound)
        {
            return page.NotFound();
        }

        if (result.Succeeded && !page.Request.IsHtmx())
        {
            return new RedirectResult(url);
        }

        page.Response.StatusCode = StatusOf(result.Failure);
        await load();
        return page.Request.IsHtmx() ? page.Partial(partial, model ?? page) : page.Page();
    }

    /// <summary>
    /// A use case's result, refused with <paramref name="error"/> under <paramref name="field"/> when the request held
    /// a value the model binder could not read (a date that is not one), unless the use case found nothing to show.
    /// </summary>
    public static Result<T> Readable<T>(this PageModel page, Result<T> result, string field, string error)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        return result.Failure == FailureKind.NotFound || page.ModelState.IsValid ? result : Result<T>.Invalid(field, error);
    }
}
