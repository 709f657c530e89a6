using Messaging.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Messaging.E2E;

/// <summary>A portal allowing two sends a minute per user, in its own collection so other browser tests keep the normal limits.</summary>
public sealed class RateLimitedPortalServer : PortalServer
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } =
        new Dictionary<string, string> { ["Messaging__RateLimits__SendPerMinute"] = "2" };
}

[CollectionDefinition(Name)]
public sealed class RateLimitedPortalGroup : ICollectionFixture<RateLimitedPortalServer>
{
    public const string Name = "rate-limited portal";
}

[Collection(RateLimitedPortalGroup.Name)]
public sealed class RateLimitTests(RateLimitedPortalServer server)
{
    [Fact]
    public async Task ASendOverTheLimitShowsWhyAndKeepsTheTypedText()
    {
        await using var context = await server.ContextForAsync("client@demo.local");
        var page = await context.NewPageAsync();
        await new ConversationListPage(page).OpenAsync("portal");
        await page.GetByTestId("conversation-row").Filter(new() { HasText = "Invoice question" }).ClickAsync();
        await page.GetByTestId("reply-form").WaitForAsync();
        var thread = new ThreadPage(page);

        await thread.SendAsync("first");
        await Expect(thread.Bodies.Last).ToContainTextAsync("first");
        await thread.SendAsync("second");
        await Expect(thread.Bodies.Last).ToContainTextAsync("second");
        await thread.SendAsync("third, over the limit");

        await Expect(page.GetByTestId("flash")).ToContainTextAsync("Too many requests — wait a minute and try again.");
        await Expect(thread.ReplyBody).ToHaveValueAsync("third, over the limit");
        await Expect(thread.Bodies.Last).ToContainTextAsync("second");
    }
}
