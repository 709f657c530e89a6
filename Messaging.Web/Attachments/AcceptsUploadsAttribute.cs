using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Messaging.Web.Attachments;

/// <summary>
/// Marks a page whose posts may carry files (the thread's reply and note forms). For multipart requests it
/// removes the form value providers, so model binding never reads (and buffers) the body: the handler streams
/// it with <see cref="MessageUploadReader"/>. <see cref="UploadLimits"/> finds the marker to set the request's
/// size limit from the workspace's settings. A page whose form is small and plain (starting a conversation) sets
/// <see cref="StreamsBody"/> to false: it gets the limit, and ASP.NET Core reads its form (files buffered on disk).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AcceptsUploadsAttribute : Attribute, IResourceFilter
{
    /// <summary>Whether the handler streams a multipart body itself (so model binding must not read it).</summary>
    public bool StreamsBody { get; init; } = true;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (StreamsBody && MessageUploadReader.IsMultipart(context.HttpContext.Request))
        {
            context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
