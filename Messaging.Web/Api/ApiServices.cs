using Messaging.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Messaging.Web.Api;

/// <summary>
/// The REST API v1 (<c>/api/v1</c>): personal access tokens as the only way in, the routes, ProblemDetails for every
/// error, a rate limit per token, and the OpenAPI document (<c>/api/v1/openapi.json</c>) with its Scalar reference
/// (<c>/api/docs</c>). See docs/api.md.
/// </summary>
public static class ApiServices
{
    public const string DocumentName = "v1";

    public const string DocumentRoute = "/api/{documentName}/openapi.json";

    public const string ReferenceRoute = "/api/docs";

    /// <summary>Chooses the scheme by path: tokens on <c>/api/v1</c>, the session cookie everywhere else.</summary>
    private const string PortalScheme = "Portal";

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiProblems>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PortalScheme;
                o.DefaultAuthenticateScheme = PortalScheme;
                o.DefaultChallengeScheme = PortalScheme;
                o.DefaultForbidScheme = PortalScheme;
            })
            .AddPolicyScheme(PortalScheme, "Cookie for pages, token for the API", o =>
                o.ForwardDefaultSelector = context => ApiProblems.IsApi(context) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicies.Read, p => ApiPolicies.Build(p));
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Messaging portal API",
                    Version = DocumentName,
                    Description = "Conversations, messages, attachments, search and projects, with the same access rules as the portal. "
                        + "Authenticate with a personal access token (Settings → API tokens): Authorization: Bearer mpat_…",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (mpat_…).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Switches off the HTML status pages on the API and gives body-less errors a ProblemDetails body.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.UseMiddleware<ApiProblemsMiddleware>();

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiProblems.Base)
            .RequireAuthorization(ApiPolicies.Read)
            .RequireRateLimiting(RateLimits.Api)
            .AddEndpointFilter<ApiModuleFilter>()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/me", MeAsync).WithName("GetMe").WithSummary("Who the token acts as, and its scope.");
        ConversationsApi.Map(api);
        MessagesApi.Map(api);
        AttachmentsApi.Map(api);
        SearchApi.Map(api);
        ProjectsApi.Map(api);

        app.MapOpenApi(DocumentRoute).AllowAnonymous();
        app.MapScalarApiReference(ReferenceRoute, o => o
            .WithTitle("Messaging portal API")
            .WithOpenApiRoutePattern(DocumentRoute)
            .AddDocument(DocumentName)
            .AddPreferredSecuritySchemes("bearer")
            .DisableTelemetry()
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp())
            .AllowAnonymous();
        return app;
    }

    private static async Task<IResult> MeAsync(HttpContext context, CurrentMemberAccessor accessor, CancellationToken ct) =>
        TypedResults.Ok(ApiMemberText.Describe(await accessor.RequireAsync(ct), context.User.FindFirst(ApiClaims.Scope)?.Value ?? ""));
}
