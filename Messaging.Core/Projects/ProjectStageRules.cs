using System.Linq.Expressions;

namespace Messaging.Core.Projects;

/// <summary>
/// What a project's stage lets its clients do. Staff are never limited by the stage.
/// Lead and Active: everything. On hold: clients reply in existing threads but start no new ones.
/// Closed: the project's threads are read-only for clients.
/// </summary>
public static class ProjectStageRules
{
    public static bool ClientsCanStart(ProjectStage stage) => stage is ProjectStage.Lead or ProjectStage.Active;

    /// <summary><see cref="ClientsCanStart"/> as a query filter.</summary>
    public static Expression<Func<Project, bool>> OpenForNewClientThreads { get; } =
        p => p.Stage == ProjectStage.Lead || p.Stage == ProjectStage.Active;

    public static bool ClientsCanReply(ProjectStage stage) => stage != ProjectStage.Closed;

    public static string ClientNotice(ProjectStage stage) => stage switch
    {
        ProjectStage.Closed => "This project is closed. Its conversations are read-only.",
        ProjectStage.OnHold => "This project is on hold. You can reply here, but new conversations about it cannot be started.",
        _ => string.Empty,
    };

    public static string Label(ProjectStage stage) => stage == ProjectStage.OnHold ? "On hold" : stage.ToString();
}
