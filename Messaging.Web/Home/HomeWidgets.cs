using Messaging.Core.Home;

namespace Messaging.Web.Home;

/// <summary>A home widget listing conversations (<c>_HomeThreads</c>): its hook name, heading, what it says when empty, and where its links go.</summary>
public sealed record HomeThreadsWidget(string Name, string Heading, string Empty, string BasePath, IReadOnlyList<HomeThread> Threads);

/// <summary>A home widget listing deadlines (<c>_HomeDeadlines</c>).</summary>
public sealed record HomeDeadlinesWidget(string Name, string Heading, string Empty, string BasePath, IReadOnlyList<HomeDeadline> Deadlines);
