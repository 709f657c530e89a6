using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Access;

/// <summary>Form fields a user adds or changes by hand never take effect: the server decides author, visibility, workspace and project.</summary>
public sealed class ForgedFieldsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AReplyWithAForgedAuthorAndVisibilityIsStoredAsTheSignedInClientsPublicMessage()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var id = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var sam = await factory.Database.MemberIdAsync(Demo.Staff);
        var text = $"forged {Guid.NewGuid():N}";

        var response = await client.PostFormAsync($"/portal/messages/{id}", $"/portal/messages/{id}?handler=Reply", new()
        {
            ["Input.Body"] = text,
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["Input.AuthorMemberId"] = sam.ToString(CultureInfo.InvariantCulture),
            ["AuthorMemberId"] = sam.ToString(CultureInfo.InvariantCulture),
            ["Input.Visibility"] = "StaffOnly",
            ["Visibility"] = "StaffOnly",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.Database.ScalarAsync<string>(
            $"SELECT a.display_name || '/' || m.visibility FROM messages m JOIN members a ON a.id = m.author_member_id WHERE m.body = '{text}'");
        Assert.Equal("Chloe Client/Everyone", stored);
    }

    [Fact]
    public async Task StartingAConversationInAnotherWorkspacesProjectIsRefusedAndWritesNothing()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var (_, foreignProject, foreignMember) = await factory.Database.AddForeignWorkspaceAsync();
        var before = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations");

        var response = await admin.PostFormAsync("/staff/messages/new", "/staff/messages/new", new()
        {
            ["Subject"] = "Forged project",
            ["Body"] = "Should not exist",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["ProjectId"] = foreignProject.ToString(CultureInfo.InvariantCulture),
            ["ParticipantIds"] = foreignMember.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("Choose one of your projects", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM conversations"));
    }
}
