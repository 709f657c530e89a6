using System.Globalization;
using Microsoft.Playwright;

namespace Messaging.E2E.Infrastructure;

/// <summary>The staff form for starting a conversation with one or more people.</summary>
public sealed class StaffNewConversationPage(IPage page)
{
    /// <summary>Starts the conversation and returns its id (from the thread URL it lands on).</summary>
    public async Task<long> StartAsync(string subject, string body, params string[] people)
    {
        await page.GotoAsync("/staff/messages/new");
        foreach (var person in people)
        {
            await page.Locator("label.check", new() { HasText = person }).Locator("input[type=checkbox]").CheckAsync();
        }

        await page.GetByLabel("Subject or group title").FillAsync(subject);
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync(body);
        await page.GetByTestId("start-conversation").ClickAsync();
        await page.GetByTestId("reply-form").WaitForAsync();
        return long.Parse(new Uri(page.Url).Segments[^1], CultureInfo.InvariantCulture);
    }
}

/// <summary>The actions menu of one message in a thread (report, block).</summary>
public sealed class MessageMenu(ILocator message)
{
    public ILocator Block => message.GetByTestId("message-block");

    public ILocator Report => message.GetByTestId("message-report");

    public Task OpenAsync() => message.Locator("[data-testid=message-menu] > summary").ClickAsync();

    public async Task BlockAuthorAsync()
    {
        await OpenAsync();
        await Block.ClickAsync();
    }

    public async Task ReportAsync()
    {
        await OpenAsync();
        await Report.ClickAsync();
    }
}

/// <summary>The report form for one message.</summary>
public sealed class ReportFormPage(IPage page)
{
    public ILocator Sent => page.GetByTestId("report-sent");

    public async Task SendAsync(string reason, string details)
    {
        await page.GetByTestId("report-form").WaitForAsync();
        await page.GetByTestId("report-reason").SelectOptionAsync(reason);
        await page.GetByTestId("report-details").FillAsync(details);
        await page.GetByTestId("report-submit").ClickAsync();
    }
}

/// <summary>The signed-in member's preferences: privacy choice and block list.</summary>
public sealed class PreferencesPage(IPage page)
{
    public ILocator BlockedRows => page.GetByTestId("blocked-row");

    public Task OpenAsync() => page.GotoAsync("/account/preferences");

    public Task UnblockAsync(string name) => BlockedRows.Filter(new() { HasText = name }).GetByTestId("unblock").ClickAsync();
}

/// <summary>The Admins' moderation queue.</summary>
public sealed class ReportsAdminPage(IPage page)
{
    public ILocator Rows => page.GetByTestId("report-row");

    public Task OpenAsync() => page.GotoAsync("/admin/reports");

    public async Task HideAsync(string text)
    {
        await Rows.Filter(new() { HasText = text }).GetByTestId("report-hide").ClickAsync();
        await page.GetByTestId("reports-saved").WaitForAsync();
    }
}
