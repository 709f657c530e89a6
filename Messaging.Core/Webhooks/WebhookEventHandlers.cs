using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.Webhooks;

public static class WebhookEventHandlers
{
    /// <summary>Webhook deliveries (and Slack / Teams notices) for what the webhooks may choose; registered after the inbox, so an automatic assignment's event comes with its message.</summary>
    public static IServiceCollection AddWebhookEventHandlers(this IServiceCollection services) =>
        services
            .AddDomainEventHandler<MessageAppended, EnqueueWebhookDeliveries>()
            .AddDomainEventHandler<MessageEdited, EnqueueWebhookDeliveries>()
            .AddDomainEventHandler<MessageDeleted, EnqueueWebhookDeliveries>()
            .AddDomainEventHandler<ConversationStarted, EnqueueWebhookDeliveries>()
            .AddDomainEventHandler<ConversationAssigned, EnqueueWebhookDeliveries>()
            .AddDomainEventHandler<ConversationStatusChanged, EnqueueWebhookDeliveries>();
}
