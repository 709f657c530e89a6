using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Safety;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Pages.Account;

/// <summary>The signed-in member's own settings: who may start a conversation with them, and their block list.</summary>
[Authorize]
public sealed class PreferencesModel(
    CurrentMemberAccessor accessor, GetPreferences get, SetPrivacy setPrivacy, BlockMember block, UnblockMember unblock) : PageModel
{
    [BindProperty]
    public WhoMayStart? WhoMayStart { get; set; }

    /// <summary>Where the block button was pressed, offered as the way back (local URLs only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public PreferencesView Preferences { get; private set; } = new(Core.Safety.WhoMayStart.Everyone, []);

    [TempData]
    public string? Saved { get; set; }

    public string? Error { get; private set; }

    /// <summary>The member's notification settings page (issue 7), linked from here.</summary>
    public string NotificationSettingsPath { get; private set; } = "/portal/settings/notifications";

    /// <summary>The member's API tokens page, linked beside the notification settings.</summary>
    public string ApiTokensPath { get; private set; } = "/portal/settings/api-tokens";

    public string? BackUrl => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    private const string Path = "/account/preferences";

    public static IReadOnlyList<(WhoMayStart Value, string Label, string Hint)> Choices { get; } =
    [
        (Core.Safety.WhoMayStart.Everyone, "Everyone in the workspace", "Any member of Northwind Studio can start a conversation with you."),
        (Core.Safety.WhoMayStart.ConversationPartners, "People I already talk to", "Only people who already share a conversation with you."),
        (Core.Safety.WhoMayStart.ProjectMembers, "People on my projects", "Only the contacts and team members of projects you are on."),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await accessor.GetAsync(ct) is { } me ? await this.PageAgainAsync(() => LoadAsync(me, ct)) : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await accessor.GetAsync(ct) is not { } me ? Forbid()
        : await SavedOrRefusedAsync(me, await setPrivacy.HandleAsync(me, WhoMayStart, ct), _ => "Your privacy choice is saved.", Path, ct);

    public async Task<IActionResult> OnPostBlockAsync(long memberId, CancellationToken ct) =>
        await accessor.GetAsync(ct) is not { } me ? Forbid()
        : await SavedOrRefusedAsync(me, await block.HandleAsync(me, memberId, ct),
            name => $"You blocked {name}. New conversations and messages from them won't reach you.",
            BackUrl is { } back ? $"{Path}?returnUrl={Uri.EscapeDataString(back)}" : Path, ct);

    public async Task<IActionResult> OnPostUnblockAsync(long memberId, CancellationToken ct) =>
        await accessor.GetAsync(ct) is not { } me ? Forbid()
        : await SavedOrRefusedAsync(me, await unblock.HandleAsync(me, memberId, ct), name => $"You unblocked {name}.", Path, ct);

    /// <summary>Saved: the notice and back to the page. Refused: the page again with the reason (403 or 422); an unknown member is 404.</summary>
    private Task<IActionResult> SavedOrRefusedAsync<T>(CurrentMember me, Result<T> result, Func<T, string> notice, string url, CancellationToken ct) =>
        this.SavedAsync(result, url, notice, error =>
        {
            Error = error;
            return this.PageAgainAsync(() => LoadAsync(me, ct));
        });

    private async Task LoadAsync(CurrentMember me, CancellationToken ct)
    {
        Preferences = await get.HandleAsync(me, ct);
        WhoMayStart ??= Preferences.WhoMayStart;
        NotificationSettingsPath = NavigationModel.NotificationSettingsPath(me);
        ApiTokensPath = NavigationModel.ApiTokensPath(me);
    }
}
