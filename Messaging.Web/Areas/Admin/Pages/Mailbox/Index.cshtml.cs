using Messaging.Core.Email;
using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Messaging.Web.Areas.Admin.Pages.Mailbox;

/// <summary>The form of the inbound mailbox settings.</summary>
public sealed class MailboxForm
{
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    public int? Port { get; set; } = 993;

    public MailSecurity? Security { get; set; } = MailSecurity.Tls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? Folder { get; set; } = "INBOX";
}

/// <summary><c>/admin/mailbox</c> (Admins): the IMAP mailbox the workspace reads email from; the password is never shown again.</summary>
public sealed class IndexModel(CurrentMemberAccessor accessor, GetMailboxSettings get, SaveMailboxSettings save) : PageModel
{
    [BindProperty]
    public MailboxForm Input { get; set; } = new();

    public MailboxSettingsView? Current { get; private set; }

    public string? ErrorField { get; private set; }

    public string? Error { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new MailboxForm
        {
            Enabled = Current!.Enabled,
            Host = Current.Host,
            Port = Current.Port,
            Security = Current.Security,
            UserName = Current.UserName,
            Folder = Current.Folder,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.HandleAsync(await accessor.RequireAsync(ct),
            new MailboxSettingsInput(Input.Enabled, Input.Host, Input.Port, Input.Security, Input.UserName, Input.Password, Input.Folder), ct);
        return await this.AnswerAsync(result, _ =>
        {
            Saved = "The mailbox settings are saved.";
            return Redirect("/admin/mailbox");
        }, async () =>
        {
            ErrorField = result.Field;
            Error = result.Error;
            Input.Password = null;
            await LoadAsync(ct);
            return Page();
        });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Current = await get.HandleAsync(await accessor.RequireAsync(ct), ct);
        return Current is not null;
    }
}
