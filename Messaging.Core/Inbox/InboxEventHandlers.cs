using Messaging.Core.Common.Events;
using Messaging.Core.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.Inbox;

public static class InboxEventHandlers
{
    /// <summary>
    /// How the shared inbox reacts to a message, in this order: the workflow (status, response times), then for a
    /// client's first message round-robin assignment, then the out-of-office reply (which needs the assignee).
    /// </summary>
    public static IServiceCollection AddInboxEventHandlers(this IServiceCollection services) =>
        services
            .AddDomainEventHandler<MessageAppended, ConversationWorkflow>()
            .AddDomainEventHandler<MessageAppended, AutoAssignment>()
            .AddDomainEventHandler<MessageAppended, OutOfOffice>();
}
