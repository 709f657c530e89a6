using System.Net;
using Messaging.Bench.Dataset;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Bench;

/// <summary>The generator's COPY output is a database the real portal serves: counts match and accounts sign in.</summary>
public sealed class SeederTests
{
    [Fact]
    public async Task Seeded_dataset_matches_the_plan_and_its_accounts_sign_in()
    {
        await using var database = await TestDatabase.CreateAsync("bench");
        var plan = DatasetPlan.Create(DatasetShape.For(2_000), DateTimeOffset.UtcNow);
        await new Seeder(database.ConnectionString, TextWriter.Null).SeedAsync(plan, CancellationToken.None);

        Assert.Equal(2_000L, await database.ScalarAsync<long>("SELECT count(*) FROM messages"));
        Assert.Equal((long)plan.Conversations.Count, await database.ScalarAsync<long>("SELECT count(*) FROM conversations"));
        Assert.Equal((long)plan.Members.Count, await database.ScalarAsync<long>("SELECT count(*) FROM members"));
        Assert.Equal((long)plan.Members.Count, await database.ScalarAsync<long>("SELECT count(*) FROM \"AspNetUsers\""));
        Assert.Equal(20L, await database.ScalarAsync<long>("SELECT count(*) FROM workspaces"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM messages m JOIN members a ON a.id = m.author_member_id WHERE m.visibility = 'StaffOnly' AND a.kind = 'Client'"));

        // New rows continue after the copied ids.
        Assert.Equal(2_001L, await database.ScalarAsync<long>("SELECT nextval(pg_get_serial_sequence('messages', 'id'))"));

        await using var portal = new SecondNodeFactory(database);
        await ((IAsyncLifetime)portal).InitializeAsync();
        var conversation = plan.Conversations.First(c => !c.IsLong);
        var client = plan.Member(conversation.Participants[0]);
        using var browser = portal.NewClient();
        await browser.SignInAsync(client.Email, DatasetPlan.Password);
        var list = await browser.GetPageAsync("/portal/messages");
        Assert.NotEmpty(list.QuerySelectorAll("[data-testid=conversation-row]"));
        await browser.GetPageAsync($"/portal/messages/{conversation.Id}");

        var other = plan.Conversations.First(c => c.Workspace != conversation.Workspace);
        await browser.GetPageAsync($"/portal/messages/{other.Id}", HttpStatusCode.NotFound);
    }
}
