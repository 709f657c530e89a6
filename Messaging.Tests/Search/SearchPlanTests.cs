using Messaging.Core.Access;
using Messaging.Core.Search;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Messaging.Tests.Messages.MessageContent;

namespace Messaging.Tests.Search;

/// <summary>
/// The two ways search finds the newest matches (<see cref="SearchPlan"/>): which one the estimates choose,
/// and that both find exactly the same messages in the same order, with every access rule, for a member
/// who sees the whole workspace (one walk over the workspace) and for a client (a walk per conversation).
/// </summary>
public sealed class SearchPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string NewWord() => new(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))).Take(12).ToArray());

    [Theory]
    [InlineData(12_000, 130_000, 130_000, SearchPlan.Walk)] // a frequent word in a big workspace: its newest 200 lie ~2,200 messages back
    [InlineData(30, 130_000, 130_000, SearchPlan.Index)] // a rare word: the index gives its 30 at once, a walk would read the workspace
    [InlineData(400, 130_000, 130_000, SearchPlan.Index)] // a phrase of two common words over a workspace
    [InlineData(400, 7_000, 130_000, SearchPlan.Index)] // the same phrase over one client's 7,000 messages: still fewer rows by the index
    [InlineData(3_000, 7_000, 130_000, SearchPlan.Walk)] // a common word over the same client's messages
    [InlineData(30, 50, 130_000, SearchPlan.Walk)] // a rare word over a handful of messages
    public void TheEstimateChoosesTheCheaperPlan(double matching, double reach, double workspace, SearchPlan expected)
    {
        Assert.Equal(expected, new SearchEstimate(matching, reach, workspace).Choose(SearchMessages.RankedCandidates));
    }

    [Fact]
    public void WithoutStatisticsTheSearchWalks()
    {
        Assert.Equal(SearchPlan.Walk, new SearchEstimate(1, 1, -1).Choose(SearchMessages.RankedCandidates));
    }

    [Fact]
    public async Task BothPlansFindTheSameMessagesInTheSameOrder()
    {
        var w = NewWord();
        var moodboard = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var kickoff = await factory.Database.ConversationIdAsync("Spring campaign kickoff");
        var client = await factory.Database.MemberIdAsync(Demo.Client);
        var staff = await factory.Database.MemberIdAsync(Demo.Staff);
        var written = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            var conversation = i % 2 == 0 ? moodboard : kickoff;
            var words = i % 3 == 0 ? $"{w} {w} {w} budget" : $"{w} budget";
            written.Add(await WriteAsync(conversation, client, words, "Everyone", $"now() - interval '{i} days'"));
        }

        var note = await WriteAsync(moodboard, staff, $"{w} internal budget note", "StaffOnly", "now()");
        var hidden = await WriteAsync(kickoff, client, $"{w} hidden budget", "Everyone", "now()");
        await factory.Database.ExecuteAsync($"UPDATE messages SET hidden_at = now() WHERE id = {Id(hidden)}");
        var before = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (email, box, order) in new[]
        {
            (Demo.Client, w, SearchOrder.Relevance),
            (Demo.Client, w, SearchOrder.Newest),
            (Demo.Client, $"{w} budget before:{before}", SearchOrder.Relevance),
            (Demo.Admin, w, SearchOrder.Relevance),
            (Demo.Admin, $"{w} budget", SearchOrder.Newest),
            (Demo.Admin, $"{w} before:{before}", SearchOrder.Newest),
        })
        {
            var byIndex = await SearchAsync(email, box, order, SearchPlan.Index);
            var byWalk = await SearchAsync(email, box, order, SearchPlan.Walk);
            Assert.NotEmpty(byIndex);
            Assert.Equal(byIndex, byWalk);
            Assert.DoesNotContain(note, byWalk.Where(_ => email == Demo.Client));
            Assert.Equal(email == Demo.Admin && !box.Contains("before:", StringComparison.Ordinal), byWalk.Contains(hidden));
        }

        var all = await SearchAsync(Demo.Client, w, SearchOrder.Newest, SearchPlan.Walk);
        Assert.Equal(written.Order(), all.Order());
    }

    private async Task<List<long>> SearchAsync(string email, string box, SearchOrder order, SearchPlan plan)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var userId = await factory.Database.ScalarAsync<Guid>($"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '{email}'");
        var me = await scope.ServiceProvider.GetRequiredService<LoadCurrentMember>().HandleAsync(userId, CancellationToken.None);
        var result = await scope.ServiceProvider.GetRequiredService<SearchMessages>()
            .HandleAsync(me!, SearchQueryParser.Parse(box), new SearchOptions(Order: order) { Plan = plan }, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!.Groups.SelectMany(g => g.Hits).Select(h => h.MessageId).ToList();
    }

    private Task<long> WriteAsync(long conversation, long author, string body, string visibility, string createdAt) =>
        factory.Database.ScalarAsync<long>($"""
            INSERT INTO messages (workspace_id, conversation_id, author_member_id, body, visibility, created_at)
            SELECT workspace_id, id, {Id(author)}, '{body}', '{visibility}', {createdAt}
            FROM conversations WHERE id = {Id(conversation)} RETURNING id
            """);
}
