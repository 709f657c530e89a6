namespace Messaging.Bench.Dataset;

public sealed record PlannedMember(long Id, int Workspace, Guid UserId, string Email, string DisplayName, bool IsStaff, string? Role);

public sealed record PlannedProject(long Id, int Workspace, string Name, long[] Contacts, long[] Team);

public sealed record PlannedConversation(long Id, int Workspace, long ProjectId, string Subject, long[] Participants, int Length)
{
    public bool IsLong { get; init; }
}

/// <summary>
/// The whole generated dataset except message text, decided up front and deterministic for a given
/// shape and seed: people, projects, conversations with their participants and lengths, and every
/// message's conversation, time and author. Message ids follow time, as they do in a live system.
/// Text is drawn later, per message, by <see cref="TextGenerator"/>, so the plan stays small.
/// </summary>
public sealed class DatasetPlan
{
    /// <summary>Every benchmark account has this password.</summary>
    public const string Password = "Bench-Passw0rd!";

    private DatasetPlan(DatasetShape shape, DateTimeOffset end)
    {
        Shape = shape;
        End = end;
    }

    public DatasetShape Shape { get; }

    public DateTimeOffset End { get; }

    public List<PlannedMember> Members { get; } = [];

    public List<PlannedProject> Projects { get; } = [];

    public List<PlannedConversation> Conversations { get; } = [];

    /// <summary>Index of the message's conversation in <see cref="Conversations"/>; message id = index + 1.</summary>
    public int[] MessageConversation { get; private set; } = [];

    /// <summary>UTC ticks of each message, ascending.</summary>
    public long[] MessageTicks { get; private set; } = [];

    public long[] MessageAuthor { get; private set; } = [];

    /// <summary>Internal notes: about one staff message in twenty.</summary>
    public bool[] MessageStaffOnly { get; private set; } = [];

    public static DatasetPlan Create(DatasetShape shape, DateTimeOffset end, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var plan = new DatasetPlan(shape, end);
        var random = new Random(seed);
        plan.AddPeopleAndProjects();
        plan.AddConversations(random);
        plan.AddMessages(random);
        return plan;
    }

    public PlannedMember Member(long id) => Members[(int)(id - 1)];

    private void AddPeopleAndProjects()
    {
        string[] roles = ["Admin", "Manager", "Coordinator", "Coordinator", "Coordinator", "Coordinator", "Coordinator", "Coordinator", "Coordinator", "Viewer"];
        long memberId = 0, projectId = 0;
        for (var w = 0; w < Shape.Workspaces; w++)
        {
            var staff = new List<long>();
            for (var s = 0; s < Shape.StaffPerWorkspace; s++)
            {
                var role = roles[s % roles.Length];
                staff.Add(++memberId);
                Members.Add(new PlannedMember(memberId, w, UserGuid(memberId), $"staff{memberId}@bench.local", $"Staff {memberId} {role}", true, role));
            }

            var clients = new List<long>();
            for (var c = 0; c < Shape.ClientsPerWorkspace; c++)
            {
                clients.Add(++memberId);
                Members.Add(new PlannedMember(memberId, w, UserGuid(memberId), $"client{memberId}@bench.local", $"Client {memberId}", false, null));
            }

            var coordinators = staff.Where((_, i) => roles[i % roles.Length] == "Coordinator").ToArray();
            var contactsPerProject = Math.Max(1, Shape.ClientsPerWorkspace / Shape.ProjectsPerWorkspace);
            for (var p = 0; p < Shape.ProjectsPerWorkspace; p++)
            {
                var contacts = Enumerable.Range(0, contactsPerProject).Select(i => clients[((p * contactsPerProject) + i) % clients.Count]).ToArray();
                var team = new[] { coordinators[p % coordinators.Length], coordinators[(p + 1) % coordinators.Length], staff[^1] };
                Projects.Add(new PlannedProject(++projectId, w, $"Project {projectId}", contacts, team));
            }
        }
    }

    private void AddConversations(Random random)
    {
        var lengths = ConversationLengths(random);
        for (var i = 0; i < Shape.Conversations; i++)
        {
            var isLong = i < Shape.LongThreads;
            var workspace = isLong ? 0 : i % Shape.Workspaces;
            var project = isLong ? Projects[i] : Projects[(workspace * Shape.ProjectsPerWorkspace) + random.Next(Shape.ProjectsPerWorkspace)];
            long[] participants = isLong
                ? [project.Contacts[0], project.Team[0]]
                : [.. Pick(random, project.Contacts, random.Next(4) == 0 ? 2 : 1), .. Pick(random, project.Team[..2], random.Next(3) == 0 ? 2 : 1)];
            Conversations.Add(new PlannedConversation(i + 1, workspace, project.Id, $"Conversation {i + 1} about {project.Name}", participants, lengths[i]) { IsLong = isLong });
        }
    }

    /// <summary>
    /// Skewed lengths: the long threads first, then a log-normal spread (median about a third of the
    /// mean) scaled to hit the message total exactly; every conversation has at least one message.
    /// </summary>
    private int[] ConversationLengths(Random random)
    {
        var lengths = new int[Shape.Conversations];
        for (var i = 0; i < Shape.LongThreads; i++)
        {
            lengths[i] = Shape.LongThreadLength;
        }

        var rest = Shape.Messages - ((long)Shape.LongThreads * Shape.LongThreadLength);
        var count = Shape.Conversations - Shape.LongThreads;
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            weights[i] = Math.Exp(1.4 * gaussian);
        }

        var scale = (rest - count) / weights.Sum();
        long assigned = 0;
        for (var i = 0; i < count; i++)
        {
            lengths[Shape.LongThreads + i] = 1 + (int)Math.Min(Shape.LongThreadLength / 2, Math.Floor(weights[i] * scale));
            assigned += lengths[Shape.LongThreads + i];
        }

        // Rounding leaves a remainder: hand it out one message at a time.
        for (var i = 0; assigned < rest; i = (i + 1) % count)
        {
            lengths[Shape.LongThreads + i]++;
            assigned++;
        }

        return lengths;
    }

    private void AddMessages(Random random)
    {
        var total = (int)Shape.Messages;
        var conversationOf = new int[total];
        var ticks = new long[total];
        var start = End.AddDays(-365).UtcTicks;
        var span = End.UtcTicks - start;
        var k = 0;
        for (var c = 0; c < Conversations.Count; c++)
        {
            var length = Conversations[c].Length;

            // Spread over up to 90 % of the year; the conversation starts somewhere it fits.
            var meanGap = Math.Min(TimeSpan.TicksPerHour * 6, span * 0.9 / length);
            var t = start + (long)(random.NextDouble() * Math.Max(0, span - (meanGap * length * 1.1)));
            for (var m = 0; m < length; m++)
            {
                t = Math.Min(End.UtcTicks, t + 1 + (long)(-Math.Log(1 - random.NextDouble()) * meanGap));
                conversationOf[k] = c;
                ticks[k++] = t;
            }
        }

        Array.Sort(ticks, conversationOf);
        var authors = new long[total];
        var staffOnly = new bool[total];
        for (var i = 0; i < total; i++)
        {
            var participants = Conversations[conversationOf[i]].Participants;
            authors[i] = participants[random.Next(participants.Length)];
            staffOnly[i] = Member(authors[i]).IsStaff && random.Next(20) == 0;
        }

        MessageConversation = conversationOf;
        MessageTicks = ticks;
        MessageAuthor = authors;
        MessageStaffOnly = staffOnly;
    }

    private static long[] Pick(Random random, long[] from, int count) =>
        from.OrderBy(_ => random.Next()).Take(Math.Min(count, from.Length)).ToArray();

    private static Guid UserGuid(long memberId) => new($"00000000-0000-4000-8000-{memberId:x12}");
}
