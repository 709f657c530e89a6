using System.Globalization;
using Htmx;
using Messaging.Core.Access;
using Messaging.Core.Search;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Messages;

/// <summary>
/// The search page, and the fragment the live search swaps in (same URL, <c>Vary: HX-Request</c>). The box
/// (<c>q</c>) carries the operators; the form controls carry the same filters and win where both are set
/// (search.js keeps the two in step while typing).
/// </summary>
[MessagesModule]
public abstract class SearchPageModel(CurrentMemberAccessor accessor, FindMessages search, SaveSearch save, DeleteSavedSearch delete) : PageModel
{
    public const string ResultsTarget = "search-results";

    /// <summary>The area's messages path (<c>/portal/messages</c> or <c>/staff/messages</c>).</summary>
    public abstract string BasePath { get; }

    public string SearchPath => BasePath + "/search";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "in")]
    public string? In { get; set; }

    [BindProperty(SupportsGet = true, Name = "project")]
    public string? ProjectName { get; set; }

    [BindProperty(SupportsGet = true, Name = "file")]
    public string? FileName { get; set; }

    [BindProperty(SupportsGet = true, Name = "has")]
    public string? Has { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    [BindProperty(SupportsGet = true, Name = "unread")]
    public string? Unread { get; set; }

    [BindProperty(SupportsGet = true, Name = "archived")]
    public string? Archived { get; set; }

    [BindProperty(SupportsGet = true, Name = "filetype")]
    public string? FileType { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? MessageType { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "with")]
    public string? With { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    /// <summary>Staff see the status and internal-note filters; clients do not.</summary>
    public bool IsStaff { get; private set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>Search within this conversation only (the thread's search box).</summary>
    [BindProperty(SupportsGet = true, Name = "c")]
    public string? Conversation { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    /// <summary>Why a search could not be saved (the page shows it by the saved searches, with what was typed), or null.</summary>
    public string? SaveError { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public SearchQuery Query { get; private set; } = SearchQuery.None;

    public SearchResults Results { get; private set; } = SearchResults.Empty;

    public SearchOrder Order => string.Equals(Sort, "newest", StringComparison.OrdinalIgnoreCase) ? SearchOrder.Newest : SearchOrder.Relevance;

    public long? ConversationId => long.TryParse(Conversation, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Htmx(h => h.WithVary());
        var me = await accessor.RequireAsync(ct);
        IsStaff = me.IsStaff;
        Query = SearchQueryParser.ForMember(WithControls(SearchQueryParser.Parse(Q)), me.IsStaff);
        var page = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var result = await search.HandleAsync(me, Query, new SearchOptions(ConversationId, Order, page), ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        Results = result.Value!;
        return Request.IsHtmx() && Request.Headers["HX-Target"] == ResultsTarget
            ? Partial("Messages/_SearchResults", this)
            : Page();
    }

    /// <summary>Saves the box's text under a name, for this member (the same name replaces it); back to that search.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string? name, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        var result = await save.HandleAsync(me, name, Q, ct);
        return await this.SavedAsync(result, SearchPath + QueryString.Create("q", result.Value?.Query ?? string.Empty), v => $"Saved search \u201C{v.Name}\u201D.", error =>
        {
            SaveError = error;
            IsStaff = me.IsStaff;
            Query = SearchQueryParser.ForMember(SearchQueryParser.Parse(Q), me.IsStaff);
            return Task.FromResult<IActionResult>(Page());
        });
    }

    public async Task<IActionResult> OnPostDeleteSavedAsync(long savedSearchId, CancellationToken ct)
    {
        var result = await delete.HandleAsync(await accessor.RequireAsync(ct), savedSearchId, ct);
        return await this.SavedAsync(result, SearchPath, n => $"Deleted saved search \u201C{n}\u201D.", _ => Task.FromResult<IActionResult>(NotFound()));
    }

    /// <summary>The link that opens a hit: the thread page ending with that message, scrolled to it and highlighted (search.js).</summary>
    public string HitUrl(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{hit.ConversationId}?before={hit.MessageId + 1}#m-{hit.MessageId}");
    }

    public string ConversationUrl(long id) => string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}");

    /// <summary>This search on another page.</summary>
    public string PageUrl(int page)
    {
        var pairs = new List<KeyValuePair<string, string?>> { new("q", Query.Compose()) };
        if (Order == SearchOrder.Newest)
        {
            pairs.Add(new("sort", "newest"));
        }

        if (ConversationId is { } c)
        {
            pairs.Add(new("c", c.ToString(CultureInfo.InvariantCulture)));
        }

        pairs.Add(new("p", page.ToString(CultureInfo.InvariantCulture)));
        return SearchPath + QueryString.Create(pairs);
    }

    private SearchQuery WithControls(SearchQuery parsed)
    {
        if (parsed.Error is not null)
        {
            return parsed;
        }

        var warnings = parsed.Warnings.ToList();
        var f = parsed.Filters;
        f = f with
        {
            From = Value(From) ?? f.From,
            In = Value(In) ?? f.In,
            Project = Value(ProjectName) ?? f.Project,
            File = Value(FileName) ?? f.File,
            HasAttachment = f.HasAttachment || IsOn(Has),
            IsUnread = f.IsUnread || IsOn(Unread),
            IsArchived = f.IsArchived || IsOn(Archived),
            With = Value(With) ?? f.With,
            FileType = Known(FileType, "filetype", SearchQueryParser.FileType, warnings) ?? f.FileType,
            MessageType = Known(MessageType, "type", SearchQueryParser.MessageType, warnings) ?? f.MessageType,
            Status = Known(Status, "status", SearchQueryParser.Status, warnings) ?? f.Status,
            Category = Known(Category, "category", SearchQueryParser.Category, warnings) ?? f.Category,
            After = Date(After, "after", warnings) ?? f.After,
            Before = Date(Before, "before", warnings) ?? f.Before,
        };
        return parsed with { Filters = f, Warnings = warnings };
    }

    private static string? Value(string? control) => string.IsNullOrWhiteSpace(control) ? null : control.Trim();

    private static bool IsOn(string? control) => control is not null && control is "true" or "on" or "attachment";

    private static T? Known<T>(string? control, string name, Func<string, T?> parse, List<string> warnings)
    {
        if (Value(control) is not { } value || value == "any")
        {
            return default;
        }

        var known = parse(value);
        if (known is null)
        {
            warnings.Add($"The {name} \u201C{value}\u201D is not known, so it was left out.");
        }

        return known;
    }

    private static DateOnly? Date(string? control, string name, List<string> warnings)
    {
        if (Value(control) is not { } value)
        {
            return null;
        }

        if (SearchQueryParser.ParseDate(value) is { } date)
        {
            return date;
        }

        warnings.Add($"The {name} date \u201C{value}\u201D is not a date like 2025-03-31, so it was left out.");
        return null;
    }
}
