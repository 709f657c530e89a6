using System.Net;
using Messaging.Core.Access;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Messaging.Tests.Messages.MessageContent;

namespace Messaging.Tests.Messages;

/// <summary>
/// System messages, the third kind: the portal's announcements in a thread. Rendered apart, from no person, never
/// editable, searchable and exported like the rest; a staff-only one never reaches a client.
/// </summary>
public sealed class SystemMessageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Kickoff = "Spring campaign kickoff";

    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    /// <summary>Appends a system message set off by <paramref name="email"/>, as the project slice does.</summary>
    private async Task<long> AnnounceAsync(string email, string subject, string text, MessageVisibility visibility = MessageVisibility.Everyone)
    {
        using var scope = factory.Services.CreateScope();
        var userId = await factory.Database.ScalarAsync<Guid>($"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '{email}'");
        var me = (await scope.ServiceProvider.GetRequiredService<LoadCurrentMember>().HandleAsync(userId, CancellationToken.None))!;
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var conversation = await db.Conversations.SingleAsync(c => c.Subject == subject && c.WorkspaceId == me.WorkspaceId);
        await using var tx = await db.Database.BeginTransactionAsync();
        var message = await scope.ServiceProvider.GetRequiredService<MessageWriter>().AppendSystemMessageAsync(me, conversation, text, visibility, CancellationToken.None);
        await tx.CommitAsync();
        return message.Id;
    }

    [Fact]
    public async Task ASystemMessageIsShownApartFromPeoplesMessagesWithoutAnAuthor()
    {
        var w = NewWord();
        var text = $"Deliverable {w} moved to done.";
        var id = await AnnounceAsync(Demo.Staff, Kickoff, text);
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        using var chloe = await factory.SignInAsync(Demo.Client);

        var page = await chloe.GetPageAsync($"/portal/messages/{Id(kickoff)}");
        var shown = page.QuerySelector($"[data-testid=system-message][data-message-id='{Id(id)}']");

        Assert.NotNull(shown);
        Assert.Contains(text, shown!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Staff", shown.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"[data-testid=message][data-message-id='{Id(id)}']"));
        Assert.Equal("System", await factory.Database.ScalarAsync<string>($"SELECT kind FROM messages WHERE id = {Id(id)}"));
    }

    [Fact]
    public async Task ASystemMessageIsEncodedNotRenderedAsMarkup()
    {
        var id = await AnnounceAsync(Demo.Staff, Kickoff, "Item <script>alert(1)</script> **bold**");
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        using var chloe = await factory.SignInAsync(Demo.Client);

        var page = await chloe.GetPageAsync($"/portal/messages/{Id(kickoff)}");
        var shown = page.QuerySelector($"[data-testid=system-message][data-message-id='{Id(id)}']")!;

        Assert.Null(shown.QuerySelector("script"));
        Assert.Null(shown.QuerySelector("strong"));
        Assert.Contains("<script>alert(1)</script>", shown.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyCanEditOrDeleteASystemMessage()
    {
        var text = $"Payment state: invoiced {NewWord()}";
        var id = await AnnounceAsync(Demo.Staff, Kickoff, text);
        using var sam = await factory.SignInAsync(Demo.Staff);
        using var ada = await factory.SignInAsync(Demo.Admin);

        var edit = await EditAsync(sam, id, "rewritten");
        var delete = await DeleteAsync(ada, id);

        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(text, await factory.Database.ScalarAsync<string>($"SELECT body FROM messages WHERE id = {Id(id)} AND deleted_at IS NULL"));
    }

    [Fact]
    public async Task AStaffOnlySystemMessageNeverReachesAClientButReachesStaff()
    {
        var w = NewWord();
        var id = await AnnounceAsync(Demo.Staff, Kickoff, $"Internal {w} reminder", MessageVisibility.StaffOnly);
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        using var chloe = await factory.SignInAsync(Demo.Client);
        using var sam = await factory.SignInAsync(Demo.Staff);

        var clientPage = await chloe.GetPageAsync($"/portal/messages/{Id(kickoff)}");
        var staffPage = await sam.GetPageAsync($"/staff/messages/{Id(kickoff)}");
        var clientSearch = await chloe.GetAsync($"/portal/messages/search?q={w}", htmx: true, target: "search-results");
        var clientCsv = await chloe.GetAsync($"/exports/conversation/{Id(kickoff)}?format=csv");

        Assert.DoesNotContain(w, clientPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(staffPage.QuerySelector($"[data-testid=system-message][data-message-id='{Id(id)}']"));
        Assert.DoesNotContain(w, await clientSearch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(w, await clientCsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASystemMessageIsFoundBySearchAndExportedAsFromTheSystem()
    {
        var w = NewWord();
        var id = await AnnounceAsync(Demo.Staff, Kickoff, $"Milestone {w} reached");
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        using var chloe = await factory.SignInAsync(Demo.Client);

        var search = await chloe.GetAsync($"/portal/messages/search?q={w}", htmx: true, target: "search-results");
        var found = PortalClient.Parse(await search.Content.ReadAsStringAsync()).QuerySelectorAll("[data-testid=search-result]");
        var csv = await chloe.GetAsync($"/exports/conversation/{Id(kickoff)}?format=csv");
        var line = (await csv.Content.ReadAsStringAsync()).Split("\r\n").Single(l => l.Contains(w, StringComparison.Ordinal));

        Assert.Contains(found, r => r.GetAttribute("data-message-id") == Id(id));
        Assert.Contains(",System,system,everyone,", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Staff", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASystemMessageDoesNotMakeWhoSetItOffAParticipant()
    {
        var kickoff = await factory.Database.ConversationIdAsync(Kickoff);
        var mia = await factory.Database.MemberIdAsync(Demo.Manager);
        await AnnounceAsync(Demo.Manager, Kickoff, $"Stage changed {NewWord()}");

        Assert.Equal(0L, await factory.Database.CountAsync("conversation_participants", $"conversation_id = {Id(kickoff)} AND member_id = {Id(mia)}"));
        Assert.Equal(nameof(ConversationCategory.Project), await factory.Database.ScalarAsync<string>($"SELECT category FROM conversations WHERE id = {Id(kickoff)}"));
    }
}
