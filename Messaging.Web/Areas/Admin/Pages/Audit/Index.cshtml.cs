using System.Globalization;
using Messaging.Core.Audit;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Audit;

/// <summary>The audit log of the admin's workspace (Admins only), newest first, filterable by member, action and dates.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, ListAuditEntries list) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "member")]
    public long? Member { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? AuditAction { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        this.PageOrNotFound(await list.HandleAsync(await accessor.RequireAsync(ct), new AuditQuery(Member, AuditAction, From, To, PageNumber), ct), page => Entries = page);

    /// <summary>This page's URL with the current filters and the given page number.</summary>
    public string PageUrl(int page)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Member is { } member)
        {
            pairs.Add(new("member", member.ToString(CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(AuditAction))
        {
            pairs.Add(new("action", AuditAction));
        }

        if (From is { } from)
        {
            pairs.Add(new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (To is { } to)
        {
            pairs.Add(new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        pairs.Add(new("p", page.ToString(CultureInfo.InvariantCulture)));
        return "/admin/audit" + QueryString.Create(pairs);
    }
}
