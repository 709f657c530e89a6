using System.Globalization;
using Microsoft.Playwright;

namespace Messaging.E2E.Infrastructure;

/// <summary>What issue 8 adds to a thread: typing indicator, receipt line, presence, scheduling.</summary>
public sealed class ConversationStatePage(IPage page)
{
    public ILocator TypingIndicator => page.GetByTestId("typing-indicator");

    public ILocator Receipt => page.GetByTestId("read-receipt");

    public ILocator Presence(string name) => page.GetByTestId("presence-member").Filter(new() { HasText = name });

    public ILocator Scheduled => page.GetByTestId("scheduled-message");

    /// <summary>A local wall-clock time this many seconds from now, as a datetime-local value (with seconds).</summary>
    public Task<string> LocalTimeFromNowAsync(int seconds) => page.EvaluateAsync<string>(
        """
        s => {
          const d = new Date(Date.now() + s * 1000), p = n => String(n).padStart(2, '0');
          // Chromium drops ":00" seconds from a datetime-local value, and Playwright's fill then reads it as malformed.
          const sec = d.getSeconds() ? `:${p(d.getSeconds())}` : '';
          return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}${sec}`;
        }
        """, seconds);

    /// <summary>Types a reply and schedules it for the given local time through the "Schedule for later" part of the form.</summary>
    public async Task ScheduleAsync(string text, string localTime)
    {
        await page.GetByTestId("reply-body").FillAsync(text);
        await page.GetByTestId("schedule").Locator("summary").ClickAsync();
        await page.GetByTestId("schedule-at").FillAsync(localTime);
        await page.GetByTestId("schedule-send").ClickAsync();
    }
}

/// <summary>The conversation list's selection and bulk actions.</summary>
public sealed class BulkActions(IPage page)
{
    public ILocator Row(string subject) => page.GetByTestId("conversation-row").Filter(new() { HasText = subject });

    public Task SelectAsync(string subject) =>
        page.Locator("li.conv-item", new() { Has = Row(subject) }).GetByTestId("conversation-select").CheckAsync();

    public Task ArchiveAsync() => page.GetByTestId("bulk-archive").ClickAsync();

    public static long IdOf(string? attribute) => long.Parse(attribute!, CultureInfo.InvariantCulture);
}
