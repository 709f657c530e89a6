using Messaging.Core.Common.Events;
using Messaging.Core.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.ProjectThreads;

public static class ProjectThreadEventHandlers
{
    /// <summary>Threads born from projects: created when a project becomes Active, joined and left as contacts change.</summary>
    public static IServiceCollection AddProjectThreadEventHandlers(this IServiceCollection services) =>
        services
            .AddScoped<ProjectThreadWriter>()
            .AddScoped<ProjectPanelEdits>()
            .AddDomainEventHandler<ProjectStageChanged, ProjectThreadCreation>()
            .AddDomainEventHandler<ProjectContactChanged, ProjectThreadCreation>();
}
