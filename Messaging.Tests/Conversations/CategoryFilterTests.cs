using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Conversations;

/// <summary>The conversation list's category tabs: Project, General and System, or all; an unknown category lists all.</summary>
public sealed class CategoryFilterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<List<string>> SubjectsAsync(PortalClient member, string url) =>
        (await member.GetPageAsync(url)).QuerySelectorAll("[data-testid=conversation-row]")
            .Select(r => r.TextContent).ToList();

    [Fact]
    public async Task AClientFiltersTheirConversationsByCategory()
    {
        using var chloe = await factory.SignInAsync(Demo.Client);

        var general = await SubjectsAsync(chloe, "/portal/messages?category=General");
        var project = await SubjectsAsync(chloe, "/portal/messages?category=project");
        var system = await SubjectsAsync(chloe, "/portal/messages?category=System");
        var all = await SubjectsAsync(chloe, "/portal/messages?category=nonsense");
        var tabs = await chloe.GetPageAsync("/portal/messages?category=General");

        Assert.Contains(general, s => s.Contains("Invoice question", StringComparison.Ordinal));
        Assert.DoesNotContain(general, s => s.Contains("Spring campaign kickoff", StringComparison.Ordinal));
        Assert.Contains(project, s => s.Contains("Spring campaign kickoff", StringComparison.Ordinal));
        Assert.DoesNotContain(project, s => s.Contains("Invoice question", StringComparison.Ordinal));
        Assert.Empty(system);
        Assert.Equal(general.Count + project.Count, all.Count);
        Assert.Equal("page", tabs.QuerySelector("[data-testid=category-tab][data-category=general]")?.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task StaffCombineTheCategoryWithTheProjectFilter()
    {
        using var ada = await factory.SignInAsync(Demo.Admin);
        var spring = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Spring Campaign'");

        var general = await SubjectsAsync(ada, "/staff/messages?category=General");
        var springGeneral = await SubjectsAsync(ada, $"/staff/messages?category=General&project={spring}");
        var springProject = await SubjectsAsync(ada, $"/staff/messages?category=Project&project={spring}");

        Assert.Contains(general, s => s.Contains("Team sync: Q3 planning", StringComparison.Ordinal));
        Assert.DoesNotContain(general, s => s.Contains("Launch timeline", StringComparison.Ordinal));
        Assert.Empty(springGeneral);
        Assert.Contains(springProject, s => s.Contains("Moodboard feedback", StringComparison.Ordinal));
    }
}
