using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Attachments;

/// <summary>The Files tabs: every file shared in a conversation or a project, with who shared it and when, sortable and filtered by type; and the project's storage use.</summary>
public sealed class FilesTabTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(long Conversation, long Message)> SeedAsync()
    {
        var conversation = await factory.Database.ConversationIdAsync("Moodboard feedback");
        if (await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM attachments WHERE conversation_id = {conversation}") == 0)
        {
            using var client = await factory.SignInAsync(Demo.Client);
            using var staff = await factory.SignInAsync(Demo.Staff);
            Assert.Equal(HttpStatusCode.OK, (await client.PostFilesAsync($"/portal/messages/{conversation}", "refs", [("b-palette.png", TestFiles.Png), ("c-budget.csv", TestFiles.Csv)])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostFilesAsync($"/staff/messages/{conversation}", "brief", [("a-brief.pdf", TestFiles.Pdf)])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostFilesAsync($"/staff/messages/{conversation}", "costs", [("d-costs.csv", TestFiles.Csv)], handler: "Note")).StatusCode);
        }

        var message = await factory.Database.ScalarAsync<long>($"SELECT message_id FROM attachments WHERE file_name = 'a-brief.pdf'");
        return (conversation, message);
    }

    private static string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=file-row] [data-testid=attachment-link]").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task TheConversationsFilesTabListsEveryFileWithNameTypeSizeSenderTimeAndALinkToTheMessage()
    {
        var (conversation, message) = await SeedAsync();
        using var client = await factory.SignInAsync(Demo.Client);

        var page = await client.GetPageAsync($"/portal/messages/{conversation}/files");

        Assert.Equal(["a-brief.pdf", "c-budget.csv", "b-palette.png"], Names(page)); // newest first
        var brief = page.QuerySelectorAll("[data-testid=file-row]").Single(r => r.TextContent.Contains("a-brief.pdf", StringComparison.Ordinal));
        Assert.Contains("PDF", brief.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{TestFiles.Pdf.Length} bytes", brief.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sam Staff", brief.TextContent, StringComparison.Ordinal);
        Assert.NotNull(brief.QuerySelector("time[datetime]"));
        Assert.Equal($"/portal/messages/{conversation}?before={message + 1}#m-{message}", brief.QuerySelector("[data-testid=file-message-link]")!.GetAttribute("href"));
        var thread = await client.GetPageAsync($"/portal/messages/{conversation}?before={message + 1}");
        Assert.NotNull(thread.QuerySelector($"#m-{message}"));
    }

    [Fact]
    public async Task ItSortsByEachColumnAndFiltersByType()
    {
        var (conversation, _) = await SeedAsync();
        using var client = await factory.SignInAsync(Demo.Client);
        var url = $"/portal/messages/{conversation}/files";

        Assert.Equal(["a-brief.pdf", "b-palette.png", "c-budget.csv"], Names(await client.GetPageAsync($"{url}?sort=name&dir=asc")));
        Assert.Equal(["c-budget.csv", "b-palette.png", "a-brief.pdf"], Names(await client.GetPageAsync($"{url}?sort=name&dir=desc")));
        Assert.Equal(["c-budget.csv", "b-palette.png", "a-brief.pdf"], Names(await client.GetPageAsync($"{url}?sort=size&dir=asc")));
        Assert.Equal(["a-brief.pdf", "b-palette.png", "c-budget.csv"], Names(await client.GetPageAsync($"{url}?sort=size")));
        Assert.Equal(["b-palette.png", "c-budget.csv", "a-brief.pdf"], Names(await client.GetPageAsync($"{url}?sort=sender&dir=asc")));
        Assert.Equal(["c-budget.csv"], Names(await client.GetPageAsync($"{url}?type=text")));
        Assert.Equal(["b-palette.png"], Names(await client.GetPageAsync($"{url}?type=image&sort=name")));
        var sorted = await client.GetPageAsync($"{url}?sort=name&dir=asc");
        Assert.Equal("ascending", sorted.QuerySelector("th[aria-sort=ascending] [data-testid=sort-name]")?.ParentElement?.GetAttribute("aria-sort"));
        Assert.Equal(["a-brief.pdf", "c-budget.csv", "b-palette.png"], Names(await client.GetPageAsync($"{url}?sort=nonsense&type=%3Cscript%3E")));
    }

    [Fact]
    public async Task StaffSeeInternalNoteFilesMarkedAsSuchAndClientsNeverDo()
    {
        var (conversation, _) = await SeedAsync();
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var client = await factory.SignInAsync(Demo.Client);

        var staffPage = await staff.GetPageAsync($"/staff/messages/{conversation}/files");
        var clientPage = await client.GetPageAsync($"/portal/messages/{conversation}/files");

        Assert.Contains("d-costs.csv", Names(staffPage));
        Assert.Contains("Internal note", staffPage.QuerySelectorAll("[data-testid=file-row]").Single(r => r.TextContent.Contains("d-costs.csv", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("d-costs.csv", Names(clientPage));
    }

    [Fact]
    public async Task OthersGet404ForTheFilesTab()
    {
        var (conversation, _) = await SeedAsync();
        using var otherClient = await factory.SignInAsync(Demo.Client2);

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.Http.GetAsync($"/portal/messages/{conversation}/files")).StatusCode);
    }

    [Fact]
    public async Task TheProjectShowsItsStorageUseAndAFilesTabAcrossItsConversations()
    {
        await SeedAsync();
        var project = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Spring Campaign'");
        var used = await factory.Database.ScalarAsync<long>($"SELECT sum(a.size_bytes)::bigint FROM attachments a JOIN conversations c ON c.id = a.conversation_id WHERE c.project_id = {project}");
        using var manager = await factory.SignInAsync(Demo.Manager);

        var page = await manager.GetPageAsync($"/staff/projects/{project}");
        var files = await manager.GetPageAsync($"/staff/projects/{project}/files?sort=name&dir=asc");

        var usage = page.QuerySelector("[data-testid=project-file-usage]")!;
        Assert.Equal(used.ToString(System.Globalization.CultureInfo.InvariantCulture), usage.GetAttribute("data-used-bytes"));
        Assert.Contains("of 5 GB used", usage.TextContent, StringComparison.Ordinal);
        Assert.Equal(["a-brief.pdf", "b-palette.png", "c-budget.csv", "d-costs.csv"], Names(files));
        Assert.Contains("Moodboard feedback", files.QuerySelector("[data-testid=file-row]")!.TextContent, StringComparison.Ordinal);
    }
}
