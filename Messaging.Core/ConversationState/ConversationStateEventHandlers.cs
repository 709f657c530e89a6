using Messaging.Core.Common.Events;
using Messaging.Core.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.ConversationState;

public static class ConversationStateEventHandlers
{
    /// <summary>How the per-member conversation state reacts: a new message revives archived and hidden threads.</summary>
    public static IServiceCollection AddConversationStateEventHandlers(this IServiceCollection services) =>
        services.AddDomainEventHandler<MessageAppended, ConversationRevival>();
}
