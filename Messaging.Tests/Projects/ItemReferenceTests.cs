using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Messages;

namespace Messaging.Tests.Projects;

/// <summary>
/// <c>#D12</c> / <c>#M3</c> in a message: an item of the conversation's project becomes a link chip to it in the panel,
/// for everyone who reads the thread; an item of another project, or any reference in a conversation without a project,
/// is refused with the reason and nothing is stored; in backticks it stays text; an edit follows the new text.
/// </summary>
public sealed class ItemReferenceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Word() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(10).ToArray());

    private async Task<long> ProjectIdAsync(string name) => await factory.Database.ScalarAsync<long>($"SELECT id FROM projects WHERE name = '{name}'");

    private async Task<long> AddItemAsync(long project, string title) =>
        await factory.Database.ScalarAsync<long>($"INSERT INTO project_deliverables (project_id, title, state, created_at) VALUES ({Id(project)}, '{title}', 'ToDo', now()) RETURNING id");

    private async Task<long> AddMilestoneAsync(long project, string title) =>
        await factory.Database.ScalarAsync<long>($"INSERT INTO project_milestones (project_id, title, progress, created_at) VALUES ({Id(project)}, '{title}', 0, now()) RETURNING id");

    [Fact]
    public async Task AReferenceToAnItemOfTheProjectIsAChipForEveryoneInTheThread()
    {
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var spring = await ProjectIdAsync("Spring Campaign");
        var item = $"Hero video {Word()}";
        var milestone = $"Shoot wrapped {Word()}";
        var itemId = await AddItemAsync(spring, item);
        var milestoneId = await AddMilestoneAsync(spring, milestone);
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);

        var candidates = (await chloe.GetPageAsync($"/portal/messages/{Id(kickoff)}")).QuerySelector("[data-testid=item-candidates]")!.GetAttribute("data-candidates")!;
        Assert.Contains($"\"token\":\"D{Id(itemId)}\"", candidates, StringComparison.Ordinal);
        Assert.Contains($"\"token\":\"M{Id(milestoneId)}\"", candidates, StringComparison.Ordinal);

        var body = $"Is #D{Id(itemId)} on track for #M{Id(milestoneId)}? `#D{Id(itemId)}` stays text.";
        Assert.Equal(HttpStatusCode.OK, (await MessageContent.SendAsync(chloe, "/portal/messages", kickoff, body)).StatusCode);
        var messageId = await factory.Database.MessageIdAsync(body);
        Assert.Equal(2, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM message_item_references WHERE message_id = {Id(messageId)}"));

        foreach (var (member, path) in new[] { (sam, "/staff/messages"), (chloe, "/portal/messages") })
        {
            var page = await member.GetPageAsync($"{path}/{Id(kickoff)}");
            var message = page.QuerySelector($"[data-message-id='{Id(messageId)}']") ?? page.QuerySelectorAll("[data-testid=message-item]")[^1];
            var chips = message.QuerySelectorAll("[data-testid=item-reference]");
            Assert.Equal(2, chips.Length);
            Assert.Equal($"#{item}", chips[0].TextContent);
            Assert.Equal($"#item-D{Id(itemId)}", chips[0].GetAttribute("href"));
            Assert.Equal("checklist-item", chips[0].GetAttribute("data-item-kind"));
            Assert.Equal($"#{milestone}", chips[1].TextContent);
            Assert.Equal("milestone", chips[1].GetAttribute("data-item-kind"));
            Assert.Contains($"#D{Id(itemId)}", message.QuerySelector("code")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(page.QuerySelector($"#item-D{Id(itemId)}[data-testid=checklist-item]"));
            Assert.NotNull(page.QuerySelector($"#item-M{Id(milestoneId)}[data-testid=milestone]"));
        }

        // An edit follows the new text: the milestone reference goes, the chip with it.
        Assert.Equal(HttpStatusCode.OK, (await MessageContent.EditAsync(chloe, messageId, $"Is #D{Id(itemId)} on track?")).StatusCode);
        Assert.Equal(1, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM message_item_references WHERE message_id = {Id(messageId)}"));
    }

    [Fact]
    public async Task AReferenceToAnotherProjectsItemIsRefusedAndNothingIsStored()
    {
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var foreign = await AddItemAsync(await ProjectIdAsync("Product Launch"), $"Launch deck {Word()}");
        using var chloe = await factory.SignInAsync(Demo.Client);
        var before = await factory.Database.MessageCountAsync(kickoff);
        var text = $"What about #D{Id(foreign)}?";

        var response = await MessageContent.SendAsync(chloe, "/portal/messages", kickoff, text);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var form = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains($"#D{Id(foreign)} is not a checklist item of this conversation's project", form.QuerySelector("[data-testid=reply-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, form.QuerySelector("[data-testid=reply-body]")!.TextContent);
        Assert.Equal(before, await factory.Database.MessageCountAsync(kickoff));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM message_item_references WHERE deliverable_id = {Id(foreign)}"));
    }

    [Fact]
    public async Task AReferenceInAConversationWithoutAProjectIsRefusedAndAnEditCannotSneakOneIn()
    {
        var invoice = await factory.Database.ConversationIdAsync("Invoice question");
        var item = await AddItemAsync(await ProjectIdAsync("Spring Campaign"), $"Palette {Word()}");
        using var chloe = await factory.SignInAsync(Demo.Client);
        var before = await factory.Database.MessageCountAsync(invoice);

        var response = await MessageContent.SendAsync(chloe, "/portal/messages", invoice, $"See #D{Id(item)}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("this conversation has no project", PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=reply-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.MessageCountAsync(invoice));

        var plain = $"Plain text {Word()}";
        Assert.Equal(HttpStatusCode.OK, (await MessageContent.SendAsync(chloe, "/portal/messages", invoice, plain)).StatusCode);
        var id = await factory.Database.MessageIdAsync(plain);
        var edit = await MessageContent.EditAsync(chloe, id, $"{plain} #D{Id(item)}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Equal(plain, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)}"));
    }
}
