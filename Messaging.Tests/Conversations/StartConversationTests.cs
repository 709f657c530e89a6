using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Conversations;

public sealed class StartConversationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task ClientStartsAConversationWithATeamMemberOfTheirProject()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);
        var project = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Spring Campaign'");

        var form = await client.GetPageAsync("/portal/messages/new");
        var response = await client.PostFormAsync("/portal/messages/new", "/portal/messages/new", new()
        {
            ["Recipient"] = $"{project}:{staff}",
            ["Subject"] = "Extra shoot day",
            ["Body"] = "Could we add a second shoot day?",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

        Assert.Contains(form.QuerySelectorAll("select[name=Recipient] option"), o => o.GetAttribute("value") == $"{project}:{staff}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thread = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Extra shoot day", thread.QuerySelector("h1")!.TextContent);
        Assert.Contains("Sam Staff", thread.QuerySelector("[data-testid=participants]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Project", await factory.Database.ScalarAsync<string>("SELECT category FROM conversations WHERE subject = 'Extra shoot day'"));
    }

    [Fact]
    public async Task ClientCannotWriteToSomeoneOutsideTheirProjects()
    {
        using var client2 = await factory.SignInAsync(Demo.Client2);
        var viewer = await factory.Database.MemberIdAsync(Demo.Viewer); // on Spring Campaign only
        var project = await factory.Database.ScalarAsync<long>("SELECT id FROM projects WHERE name = 'Product Launch'");

        var response = await client2.PostFormAsync("/portal/messages/new", "/portal/messages/new", new()
        {
            ["Recipient"] = $"{project}:{viewer}",
            ["Subject"] = "Hello stranger",
            ["Body"] = "Hi",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("team members of your projects", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE subject = 'Hello stranger'"));
    }

    [Fact]
    public async Task MissingSubjectIsRefusedWithAMessageAndNothingIsCreated()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var client = await factory.Database.MemberIdAsync(Demo.Client);
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations");

        var response = await staff.PostFormAsync("/staff/messages/new", "/staff/messages/new", new()
        {
            ["ParticipantIds"] = Id(client),
            ["Subject"] = "",
            ["Body"] = "body without subject",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Give the conversation a subject.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations"));
    }

    [Fact]
    public async Task StaffStartADirectConversationWithAClientOfTheirProject()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var client2 = await factory.Database.MemberIdAsync(Demo.Client2);

        var response = await staff.PostFormAsync("/staff/messages/new", "/staff/messages/new", new()
        {
            ["ParticipantIds"] = Id(client2),
            ["Subject"] = "Direct to Carlos",
            ["Body"] = "Quick question about the launch.",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Product Launch", await factory.Database.ScalarAsync<string>(
            "SELECT p.name FROM conversations c JOIN projects p ON p.id = c.project_id WHERE c.subject = 'Direct to Carlos'"));
        using var carlos = await factory.SignInAsync(Demo.Client2);
        var list = await carlos.GetPageAsync("/portal/messages");
        Assert.Contains("Direct to Carlos", list.QuerySelector("[data-testid=conversation-row]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffStartAGroupConversationWithSeveralParticipantsAndATitle()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var people = new[] { await factory.Database.MemberIdAsync(Demo.Staff), await factory.Database.MemberIdAsync(Demo.Viewer), await factory.Database.MemberIdAsync(Demo.Client) };

        var content = new List<KeyValuePair<string, string>>(people.Select(p => new KeyValuePair<string, string>("ParticipantIds", Id(p))))
        {
            new("Subject", "Spring wrap-up group"),
            new("Body", "Let's wrap up the campaign together."),
            new("IdempotencyKey", Guid.NewGuid().ToString()),
        };
        var page = await admin.GetPageAsync("/staff/messages/new");
        content.Add(new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        var response = await admin.Http.PostAsync("/staff/messages/new", new FormUrlEncodedContent(content));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await factory.Database.ConversationIdAsync("Spring wrap-up group");
        Assert.Equal(4L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM conversation_participants WHERE conversation_id = {id}"));
    }

    [Fact]
    public async Task StartingTwiceWithTheSameKeyCreatesOneConversation()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var client = await factory.Database.MemberIdAsync(Demo.Client);
        var key = Guid.NewGuid().ToString();
        Dictionary<string, string> Form() => new() { ["ParticipantIds"] = Id(client), ["Subject"] = "Once only", ["Body"] = "hello", ["IdempotencyKey"] = key };

        var first = await staff.PostFormAsync("/staff/messages/new", "/staff/messages/new", Form());
        var second = await staff.PostFormAsync("/staff/messages/new", "/staff/messages/new", Form());

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE subject = 'Once only'"));
    }
}
