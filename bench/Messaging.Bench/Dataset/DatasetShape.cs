namespace Messaging.Bench.Dataset;

/// <summary>
/// How big the generated dataset is. People and projects are fixed (20 workspaces, 200 staff, 5,000
/// clients, 1,000 projects); conversations scale with the message count (one per 20 messages, so
/// 50,000 at a million), and a few threads are very long (20,000 messages each).
/// </summary>
public sealed record DatasetShape(
    int Workspaces,
    int StaffPerWorkspace,
    int ClientsPerWorkspace,
    int ProjectsPerWorkspace,
    int Conversations,
    long Messages,
    int LongThreads,
    int LongThreadLength)
{
    public const int MessagesPerConversation = 20;

    public int Staff => Workspaces * StaffPerWorkspace;

    public int Clients => Workspaces * ClientsPerWorkspace;

    public int Projects => Workspaces * ProjectsPerWorkspace;

    public static DatasetShape For(long messages)
    {
        if (messages < 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(messages), "Generate at least 1,000 messages.");
        }

        const int workspaces = 20;
        var conversations = (int)Math.Max(workspaces * 5, messages / MessagesPerConversation);
        var (longThreads, longLength) = messages switch
        {
            >= 1_000_000 => ((int)(messages / 330_000), 20_000),
            >= 40_000 => (1, 20_000),
            _ => (1, (int)(messages / 5)),
        };
        return new DatasetShape(workspaces, 10, 250, 50, conversations, messages, longThreads, longLength);
    }
}
