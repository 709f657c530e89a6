using Messaging.Bench.Dataset;

namespace Messaging.Tests.Bench;

public sealed class DatasetGeneratorTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_million_messages_has_the_issue_s_proportions()
    {
        var shape = DatasetShape.For(1_000_000);
        Assert.Equal((20, 200, 5_000, 1_000, 50_000), (shape.Workspaces, shape.Staff, shape.Clients, shape.Projects, shape.Conversations));
        Assert.True(shape.LongThreads >= 3);
        Assert.True(shape.LongThreadLength >= 20_000);
    }

    [Fact]
    public void The_plan_has_exactly_the_counts_it_promises()
    {
        var plan = DatasetPlan.Create(DatasetShape.For(60_000), End);
        Assert.Equal(60_000, plan.MessageConversation.Length);
        Assert.Equal(plan.Shape.Conversations, plan.Conversations.Count);
        Assert.Equal(plan.Shape.Staff + plan.Shape.Clients, plan.Members.Count);
        Assert.Equal(plan.Shape.Projects, plan.Projects.Count);
        Assert.Equal(60_000, plan.Conversations.Sum(c => c.Length));

        var perConversation = plan.MessageConversation.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(plan.Conversations.Select((c, i) => (c, i)), x => Assert.Equal(x.c.Length, perConversation[x.i]));
        Assert.Equal(20_000, plan.Conversations.Single(c => c.IsLong).Length);
        Assert.Equal(plan.Members.Count, plan.Members.Select(m => m.Email).Distinct().Count());
    }

    [Fact]
    public void Conversation_lengths_are_skewed_like_real_threads()
    {
        var plan = DatasetPlan.Create(DatasetShape.For(200_000), End);
        var lengths = plan.Conversations.Where(c => !c.IsLong).Select(c => c.Length).Order().ToArray();
        Assert.True(lengths[0] >= 1);
        var median = lengths[lengths.Length / 2];
        var mean = lengths.Average();
        Assert.True(median < mean * 0.8, $"median {median} should sit well below the mean {mean:0.0}");
        var topPercent = lengths[^(lengths.Length / 100)..].Sum();
        Assert.True(topPercent > lengths.Sum() * 0.08, "the longest 1 % of threads should hold a large share of messages");
    }

    [Fact]
    public void Messages_follow_time_and_are_written_by_participants()
    {
        var plan = DatasetPlan.Create(DatasetShape.For(20_000), End);
        for (var i = 1; i < plan.MessageTicks.Length; i++)
        {
            Assert.True(plan.MessageTicks[i] >= plan.MessageTicks[i - 1]);
        }

        Assert.True(plan.MessageTicks[^1] <= End.UtcTicks);
        Assert.True(plan.MessageTicks[0] >= End.AddDays(-366).UtcTicks);
        for (var i = 0; i < plan.MessageAuthor.Length; i++)
        {
            Assert.Contains(plan.MessageAuthor[i], plan.Conversations[plan.MessageConversation[i]].Participants);
        }

        var staffMessages = Enumerable.Range(0, plan.MessageAuthor.Length).Where(i => plan.Member(plan.MessageAuthor[i]).IsStaff).ToList();
        Assert.All(Enumerable.Range(0, plan.MessageAuthor.Length).Where(i => plan.MessageStaffOnly[i]), i => Assert.Contains(i, staffMessages));
        var noteShare = staffMessages.Count(i => plan.MessageStaffOnly[i]) / (double)staffMessages.Count;
        Assert.InRange(noteShare, 0.03, 0.07);
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan()
    {
        var a = DatasetPlan.Create(DatasetShape.For(5_000), End);
        var b = DatasetPlan.Create(DatasetShape.For(5_000), End);
        Assert.Equal(a.MessageAuthor, b.MessageAuthor);
        Assert.Equal(a.MessageTicks, b.MessageTicks);
        Assert.Equal(TextGenerator.CreateDefault().For(42), TextGenerator.CreateDefault().For(42));
    }

    [Fact]
    public void Word_frequencies_follow_zipf_with_a_long_tail()
    {
        var text = TextGenerator.CreateDefault();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        for (var id = 1; id <= 20_000; id++)
        {
            foreach (var word in text.For(id).ToLowerInvariant().Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
                total++;
            }
        }

        var vocabulary = text.Vocabulary;
        var first = counts[vocabulary[0]];
        var tenth = counts[vocabulary[9]];

        // Zipf with s = 1.05: rank 1 is about 10^1.05 ≈ 11 times as frequent as rank 10.
        Assert.InRange(first / (double)tenth, 7, 17);
        Assert.Equal(vocabulary[0], counts.MaxBy(c => c.Value).Key);
        Assert.True(counts.Count > 5_000, "the tail should reach thousands of distinct words");
        Assert.True(counts.Count(c => c.Value == 1) > 1_000, "many words should be rare (seen once)");
        Assert.InRange(total / 20_000.0, 10, 20);
    }
}
