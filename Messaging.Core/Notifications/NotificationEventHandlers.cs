using Messaging.Core.Common.Events;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.Notifications;

public static class NotificationEventHandlers
{
    /// <summary>Email: a message queues notification emails for those who should get them; an assignment emails the assignee; a deadline reminder its threads' people.</summary>
    public static IServiceCollection AddNotificationEventHandlers(this IServiceCollection services) =>
        services
            .AddDomainEventHandler<MessageAppended, EnqueueMessageNotifications>()
            .AddDomainEventHandler<ConversationAssigned, EmailAssignee>()
            .AddDomainEventHandler<ProjectThreads.DeadlineReminderPosted, EmailDeadlineReminder>();
}
