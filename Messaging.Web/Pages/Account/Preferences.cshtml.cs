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

    public string? BackUrl => ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public static IReadOnlyList<(WhoMayStart Value, string Label, string Hint)> Choices { get; } =
    [
        (Core.Safety.WhoMayStart.Everyone, "Everyone in the workspace", "Any member of Northwind Studio can start a conversation with you."),
        (Core.Safety.WhoMayStart.ConversationPartners, "People I already talk to", "Only people who already share a conversation with you."),
        (Core.Safety.WhoMayStart.ProjectMembers, "People on my projects", "Only the contacts and team members of projects you are on."),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await accessor.GetAsync(ct) is not { } me)
        {
            return Forbid();
        }

        await LoadAsync(me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await accessor.GetAsync(ct) is not { } me)
        {
            return Forbid();
        }

        var result = await setPrivacy.HandleAsync(me, WhoMayStart, ct);
        if (!result.Succeeded)
        {
            return await RefuseAsync(me, result.Failure, result.Error, ct);
        }

        Saved = "Your privacy choice is saved.";
        return Redirect("/account/preferences");
    }

    public async Task<IActionResult> OnPostBlockAsync(long memberId, CancellationToken ct)
    {
        if (await accessor.GetAsync(ct) is not { } me)
        {
            return Forbid();
        }

        var result = await block.HandleAsync(me, memberId, ct);
        if (!result.Succeeded)
        {
            return await RefuseAsync(me, result.Failure, result.Error, ct);
        }

        Saved = $"You blocked {result.Value}. New conversations and messages from them won't reach you.";
        return Redirect(BackUrl is { } back ? $"/account/preferences?returnUrl={Uri.EscapeDataString(back)}" : "/account/preferences");
    }

    public async Task<IActionResult> OnPostUnblockAsync(long memberId, CancellationToken ct)
    {
        if (await accessor.GetAsync(ct) is not { } me)
        {
            return Forbid();
        }

        var result = await unblock.HandleAsync(me, memberId, ct);
        if (!result.Succeeded)
        {
            return await RefuseAsync(me, result.Failure, result.Error, ct);
        }

        Saved = $"You unblocked {result.Value}.";
        return Redirect("/account/preferences");
    }

    private async Task<IActionResult> RefuseAsync(CurrentMember me, FailureKind failure, string? error, CancellationToken ct)
    {
        if (failure == FailureKind.NotFound)
        {
            return NotFound();
        }

        await LoadAsync(me, ct);
        Error = error;
        Response.StatusCode = failure == FailureKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CurrentMember me, CancellationToken ct)
    {
        Preferences = await get.HandleAsync(me, ct);
        WhoMayStart ??= Preferences.WhoMayStart;
        NotificationSettingsPath = NavigationModel.NotificationSettingsPath(me);
    }
}
