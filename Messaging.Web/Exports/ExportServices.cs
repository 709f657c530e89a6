namespace Messaging.Web.Exports;

public static class ExportServices
{
    /// <summary>The PDF renderer (one warm Chromium per node), the writer and delivery, and the background job runner.</summary>
    public static IServiceCollection AddPortalExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>()
            .Bind(configuration.GetSection(ExportOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath) && o.MaxConcurrentPdfs >= 1 && o.JobPollSeconds >= 0 && o.MaxVerifyBytes > 0,
                "Messaging:Export needs a ChromiumPath, MaxConcurrentPdfs ≥ 1, JobPollSeconds ≥ 0 and MaxVerifyBytes > 0.")
            .ValidateOnStart();
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<ExportJobSignal>();
        services.AddScoped<ExportWriter>();
        services.AddScoped<ExportDelivery>();
        services.AddSingleton<ExportJobFiles>();
        services.AddHostedService<ExportJobRunner>();
        return services;
    }
}
