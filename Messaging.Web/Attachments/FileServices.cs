using Messaging.Core.Attachments;
using Microsoft.AspNetCore.Http.Features;

namespace Messaging.Web.Attachments;

public static class FileServices
{
    /// <summary>The blob store (local disk), the upload reader, the cleanup job and the preview maker.</summary>
    public static IServiceCollection AddPortalFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileStorageOptions>()
            .Bind(configuration.GetSection(FileStorageOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root) && o.CleanupIntervalMinutes >= 0 && o.OrphanGraceHours >= 1, "Messaging:Files needs a Root, a CleanupIntervalMinutes ≥ 0 and an OrphanGraceHours ≥ 1.")
            .ValidateOnStart();
        services.AddSingleton<IBlobStore, LocalDiskBlobStore>();
        services.AddScoped<MessageUploadReader>();
        services.AddHostedService<FileCleanupService>();
        services.AddOptions<PreviewOptions>()
            .Bind(configuration.GetSection(PreviewOptions.Section))
            .Validate(o => o.MaxEdge is >= 64 and <= 4096 && o.MaxPixels > 0 && o.TimeoutSeconds > 0 && o.ToolMemoryMegabytes >= 64, "Messaging:Previews needs a MaxEdge of 64-4096, MaxPixels and TimeoutSeconds above 0 and ToolMemoryMegabytes of at least 64.")
            .ValidateOnStart();
        services.AddSingleton<IPreviewMaker, Previews.PreviewMaker>();
        services.AddHostedService<Previews.AttachmentPreviewService>();

        // A form posted without JavaScript is read by antiforgery into ASP.NET Core's form (files buffered on
        // disk); its size is bounded by the request limit UploadLimits sets from the workspace, not by this.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = long.MaxValue);
        return services;
    }
}
