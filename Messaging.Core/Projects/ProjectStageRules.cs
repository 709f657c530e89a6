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

    /// <summary>
    /// Why a project may not move from <paramref name="from"/> to <paramref name="to"/>, or null when it may. A lead becomes
    /// Active or is closed (it is not put on hold before it starts); once a project has started it never goes back to Lead;
    /// a closed project may be reopened as Active. Staying where it is is always allowed (and changes nothing).
    /// </summary>
    public static string? RefuseChange(ProjectStage from, ProjectStage to) => (from, to) switch
    {
        _ when from == to => null,
        (ProjectStage.Lead, ProjectStage.OnHold) => "A lead can't be put on hold before it starts: make it Active or close it.",
        (_, ProjectStage.Lead) => $"A project that has started can't go back to Lead (it is {Label(from)}).",
        _ => null,
    };
}
