using Messaging.Core.Settings;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Messaging.Web.Infrastructure;

/// <summary>Marks a page as part of the messages module: it answers 404 while the module is off.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class MessagesModuleAttribute : Attribute
{
}

/// <summary>Answers 404 for messaging pages and fragments while the workspace's messages module is off.</summary>
public sealed class MessagesModuleFilter(CurrentMemberAccessor accessor, GetMessagesModule module) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var isMessaging = context.HandlerInstance.GetType().IsDefined(typeof(MessagesModuleAttribute), inherit: true);
        if (isMessaging && !await IsOnAsync(accessor, module, context.HttpContext.RequestAborted))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return;
        }

        await next();
    }

    public static async Task<bool> IsOnAsync(CurrentMemberAccessor accessor, GetMessagesModule module, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        ArgumentNullException.ThrowIfNull(module);
        var member = await accessor.GetAsync(ct);
        return member is not null && await module.HandleAsync(member.WorkspaceId, ct);
    }
}
