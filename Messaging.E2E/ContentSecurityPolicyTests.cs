using System.Globalization;
using Messaging.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>
/// The pages work under the strict Content-Security-Policy: going through the list, a thread, a live
/// update and a reply raises no CSP violation (Chromium reports each one on the console and as a
/// securitypolicyviolation event).
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class ContentSecurityPolicyTests(PortalServer server)
{
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    private static List<string> WatchConsole(IPage page)
    {
        var messages = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (messages)
                {
                    messages.Add(m.Text);
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (messages)
            {
                messages.Add("page error: " + e);
            }
        };
        return messages;
    }

    [Fact]
    public async Task TheThreadPageRunsWithoutContentSecurityPolicyViolations()
    {
        await using var staffContext = await server.ContextForAsync("staff@demo.local");
        await using var clientContext = await server.ContextForAsync("client@demo.local");
        await staffContext.AddInitScriptAsync(RecordViolations);
        await clientContext.AddInitScriptAsync(RecordViolations);
        var staffPage = await staffContext.NewPageAsync();
        var clientPage = await clientContext.NewPageAsync();
        var staffProblems = WatchConsole(staffPage);
        var clientProblems = WatchConsole(clientPage);

        // The client goes list → thread through a boosted link, as a user would.
        var list = new ConversationListPage(clientPage);
        await list.OpenAsync("portal");
        var row = list.Rows.Filter(new() { HasText = "Moodboard feedback" });
        var id = long.Parse((await row.GetAttributeAsync("data-conversation-id"))!, CultureInfo.InvariantCulture);
        var staffThread = new ThreadPage(staffPage);
        await staffThread.OpenAsync("staff", id);
        await row.ClickAsync();
        await clientPage.GetByTestId("reply-form").WaitForAsync();
        await LiveConnection.WaitUntilOpenAsync(clientPage);
        var clientThread = new ThreadPage(clientPage);

        var text = $"CSP check {Guid.NewGuid():N}";
        await clientThread.SendAsync(text);
        await Expect(clientThread.Bodies.Last).ToContainTextAsync(text);
        await Expect(staffThread.Bodies.Last).ToContainTextAsync(text, new() { Timeout = 15_000 });
        await staffPage.GetByTestId("note-body").FillAsync("Internal: CSP check");
        await staffPage.GetByTestId("note-send").ClickAsync();
        await Expect(staffThread.Bodies.Last).ToContainTextAsync("Internal: CSP check");

        Assert.Empty(await staffPage.EvaluateAsync<string[]>("() => window.__csp"));
        Assert.Empty(await clientPage.EvaluateAsync<string[]>("() => window.__csp"));
        Assert.Empty(staffProblems);
        Assert.Empty(clientProblems);

        // And the policy is really enforced, and a violation really would be seen: an inline script is refused.
        await clientPage.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); }");
        await clientPage.WaitForFunctionAsync("() => window.__csp.length > 0");
        Assert.False(await clientPage.EvaluateAsync<bool>("() => window.__ran === true"));
    }
}
