using System.Globalization;
using Htmx;
using Messaging.Core.Attachments;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages;

/// <summary>
/// Friendly pages for error status codes (re-executed, so the status code is kept). For htmx requests
/// the answer is just the message: the htmx-config in the layout swaps a 429 into the page's #flash.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    public int Code { get; private set; }

    private void Describe(int code)
    {
        Code = code;
        Response.Htmx(h => h.WithVary());
        if (code == StatusCodes.Status429TooManyRequests && !Response.Headers.ContainsKey("Retry-After"))
        {
            Response.Headers.RetryAfter = 60.ToString(CultureInfo.InvariantCulture);
        }

        (Title, Text) = code switch
        {
            404 => ("Not found", "There is nothing here, or you do not have access to it."),
            400 => ("Bad request", "The request could not be understood. If you submitted a form, reload the page and try again."),
            403 => ("Not available", "Your account does not have access to that."),
            413 => ("Too large", HttpContext.Features.Get<UploadLimitExceeded>()?.MaxMessageBytes is long max
                ? $"These files are larger than the {FileSize.Format(max)} a message may carry. Remove some and try again."
                : "That upload is larger than allowed."),
            429 => ("Too many requests", "Too many requests — wait a minute and try again."),
            _ => ("Something went wrong", "Please try again."),
        };
    }
}
