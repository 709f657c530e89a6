using System.Globalization;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Conversations;

/// <summary>The staff inbox: who sees what, and its filters.</summary>
public sealed class StaffInboxTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<List<string>> SubjectsAsync(PortalClient who, string url) =>
        (await who.GetPageAsync(url)).QuerySelectorAll("[data-testid=conversation-row] .conv-subject").Select(e => e.TextContent).ToList();

    [Fact]
    public async Task AdminsSeeEveryConversationOfTheWorkspace()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);

        var subjects = await SubjectsAsync(admin, "/staff/messages");

        Assert.Equal(7, subjects.Count);
    }

    [Fact]
    public async Task ViewersSeeTheirProjectsAndTheirOwnConversationsOnly()
    {
        using var viewer = await factory.SignInAsync(Demo.Viewer);

        var subjects = await SubjectsAsync(viewer, "/staff/messages");

        Assert.Equal(["Team sync: Q3 planning", "Moodboard feedback", "Spring campaign kickoff"], subjects);
    }

    [Fact]
    public async Task TheInboxFiltersByProjectAndByClient()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var launch = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Product Launch'");
        var chloe = await factory.Database.MemberIdAsync(Demo.Client);

        var byProject = await SubjectsAsync(staff, $"/staff/messages?project={launch}");
        var byClient = await SubjectsAsync(staff, $"/staff/messages?client={chloe.ToString(CultureInfo.InvariantCulture)}");

        Assert.Equal(["Shipping samples", "Launch timeline"], byProject);
        Assert.Equal(["Moodboard feedback", "Spring campaign kickoff", "Catalogue wrap-up"], byClient); // the invoice thread is Ada's, not Sam's
    }

    [Fact]
    public async Task TheUnreadFirstViewPutsUnreadConversationsOnTop()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);

        var page = await staff.GetPageAsync("/staff/messages?unread=true");
        var unreadFlags = page.QuerySelectorAll("[data-testid=conversation-row]")
            .Select(r => r.QuerySelector("[data-testid=conversation-unread]") is not null).ToList();

        Assert.Equal(unreadFlags.OrderByDescending(u => u).ToList(), unreadFlags);
        Assert.Equal(3, unreadFlags.Count(u => u)); // moodboard, samples, sync
    }
}

/// <summary>Paging adds conversations, so it has a database of its own.</summary>
public sealed class InboxPagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheListIsPagedWithTwentyPerPage()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        await factory.Database.ExecuteAsync("""
            INSERT INTO conversations (workspace_id, subject, category, created_by_member_id, created_at, last_activity_at, last_public_activity_at)
            SELECT 1, 'Bulk ' || g, 'General', (SELECT id FROM members WHERE display_name = 'Ada Admin'), now() - interval '30 days', now() - interval '30 days' - g * interval '1 minute', now() - interval '30 days'
            FROM generate_series(1, 20) g
            """);

        var first = await admin.GetPageAsync("/staff/messages");
        var second = await admin.GetPageAsync(first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!);

        Assert.Equal(20, first.QuerySelectorAll("[data-testid=conversation-row]").Length);
        Assert.Equal(7, second.QuerySelectorAll("[data-testid=conversation-row]").Length);
    }
}
