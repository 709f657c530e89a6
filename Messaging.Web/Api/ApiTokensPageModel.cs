using Messaging.Core.Api;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Api;

/// <summary>The create form of the API tokens page.</summary>
public sealed class ApiTokenForm
{
    public string? Name { get; set; }

    public ApiTokenScope Scope { get; set; } = ApiTokenScope.Read;

    public int ExpiresInDays { get; set; } = 30;
}

/// <summary>
/// <c>/portal/settings/api-tokens</c> and <c>/staff/settings/api-tokens</c>: the member's personal access tokens, listed
/// with when each was last used; a new one is shown once, on the answer to the post that made it (never stored, never
/// redirected through temp data, not cached); revoking stops it at once.
/// </summary>
public abstract class ApiTokensPageModel(CurrentMemberAccessor accessor, ListApiTokens list, CreateApiToken create, RevokeApiToken revoke, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ApiTokenForm Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<ApiTokenRow> Tokens { get; private set; } = [];

    /// <summary>The token just created: shown this once.</summary>
    public NewApiToken? Created { get; private set; }

    public string? ErrorField { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>This page's own address (the area decides it).</summary>
    public abstract string Path { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(await accessor.RequireAsync(ct), new CreateApiTokenInput(Input.Name, Input.Scope, Input.ExpiresInDays), ct);
        if (result.Succeeded)
        {
            Created = result.Value;
            Input = new ApiTokenForm();
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            ErrorField = result.Field;
            Error = result.Error;
            Response.StatusCode = PageResponses.StatusOf(result.Failure);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long tokenId, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(await accessor.RequireAsync(ct), tokenId, ct);
        return await this.SavedAsync(result, Path, name => $"The token \u201C{name}\u201D is revoked: it no longer opens the API.", _ => Task.FromResult<IActionResult>(NotFound()));
    }

    public static string Status(ApiTokenRow token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.IsRevoked ? "Revoked" : token.ExpiresAt <= now ? "Expired" : "Active";
    }

    public static string When(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "Never";

    public static string ScopeLabel(ApiTokenScope scope) => scope == ApiTokenScope.ReadWrite ? "Read and write" : "Read only";

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tokens = await list.HandleAsync(await accessor.RequireAsync(ct), ct);
    }
}
