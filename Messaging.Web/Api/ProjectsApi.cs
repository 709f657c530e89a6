using Messaging.Core.Projects;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Api;

/// <summary>
/// <c>/api/v1/projects</c>: as the pages, a client lists the projects they are a contact of (the portal's list), Managers
/// and Admins every project of the workspace and each one's details; for anyone else the routes are not found.
/// </summary>
public static class ProjectsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/projects", ListAsync).WithName("ListProjects").WithSummary("A client's own projects; every project for Managers and Admins.");
        api.MapGet("/projects/{id:long}", GetAsync).WithName("GetProject").WithSummary("One project's people and conversations (Managers and Admins).");
    }

    private static async Task<IResult> ListAsync(CurrentMemberAccessor accessor, ListMyProjects mine, ListProjects all, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        if (me.IsClient)
        {
            return TypedResults.Ok((await mine.HandleAsync(me, ct)).Select(ApiProject.From).ToList());
        }

        return ProjectAdministration.CanManage(me)
            ? TypedResults.Ok((await all.HandleAsync(me, ct)).Select(ApiProject.From).ToList())
            : ApiProblems.NotFound();
    }

    private static async Task<IResult> GetAsync(long id, CurrentMemberAccessor accessor, GetProject get, CancellationToken ct) =>
        await get.HandleAsync(await accessor.RequireAsync(ct), id, ct) is { } project
            ? TypedResults.Ok(ApiProjectDetails.From(project))
            : ApiProblems.NotFound();
}
