using Messaging.Core.Common.Events;
using Messaging.Core.Inbox;
using Messaging.Core.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Core.Live;

public static class LiveEventHandlers
{
    /// <summary>What is announced live: message changes to those who may read them, inbox changes to staff.</summary>
    public static IServiceCollection AddLiveEventHandlers(this IServiceCollection services) =>
        services
            .AddScoped<LiveAnnouncer>()
            .AddDomainEventHandler<MessageAppended, AnnounceMessageChanges>()
            .AddDomainEventHandler<MessageEdited, AnnounceMessageChanges>()
            .AddDomainEventHandler<MessageDeleted, AnnounceMessageChanges>()
            .AddDomainEventHandler<ConversationAssigned, AnnounceInboxChanges>()
            .AddDomainEventHandler<ConversationStatusChanged, AnnounceInboxChanges>()
            .AddDomainEventHandler<ConversationTagged, AnnounceInboxChanges>();
}
