using Messaging.Core.Common.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.Messages;

public static class MessageEventHandlers
{
    /// <summary>The audit trail of messages sent, edited and deleted.</summary>
    public static IServiceCollection AddMessageEventHandlers(this IServiceCollection services) =>
        services
            .AddDomainEventHandler<MessageAppended, AuditMessageChanges>()
            .AddDomainEventHandler<MessageEdited, AuditMessageChanges>()
            .AddDomainEventHandler<MessageDeleted, AuditMessageChanges>();
}
