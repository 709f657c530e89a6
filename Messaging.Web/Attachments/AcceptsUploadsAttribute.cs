using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Messaging.Web.Attachments;

/// <summary>
/// Marks a page whose posts may carry files (the thread's reply and note forms). For multipart requests it
/// removes the form value providers, so model binding never reads (and buffers) the body: the handler streams
/// it with <see cref="MessageUploadReader"/>. <see cref="UploadLimits"/> finds the marker to set the request's
/// size limit from the workspace's settings.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AcceptsUploadsAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (MessageUploadReader.IsMultipart(context.HttpContext.Request))
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
